import { describe, expect, it } from 'vitest'
import { detectProviders } from './providers.ts'

const byIss = (iss: string) => detectProviders(null, { iss })

describe('detectProviders', () => {
  it.each([
    ['https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0', 'entra'],
    ['https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/', 'entra'],
    ['https://accounts.google.com', 'google'],
    ['accounts.google.com', 'google'],
    ['https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123', 'aws-cognito'],
    ['https://dev-abc.eu.auth0.com/', 'auth0'],
    ['https://sso.example.com/realms/demo', 'keycloak'],
    ['http://localhost:8080/auth/realms/master', 'keycloak'],
    ['https://token.actions.githubusercontent.com', 'github-actions'],
    ['https://gitlab.com', 'gitlab-ci'],
  ])('recognises %s as %s', (iss, provider) => {
    expect(byIss(iss)).toEqual([provider])
  })

  it.each([
    'https://login.microsoftonline.com.evil.example/x/v2.0',
    'https://accounts.google.com.evil.example',
    'https://evil.example/?https://accounts.google.com',
    'https://auth0.com.evil.example/',
    'joe',
  ])('does not recognise %s', (iss) => {
    expect(byIss(iss)).toEqual([])
  })

  it('recognises a self-managed GitLab instance by the CI claims GitLab always writes together', () => {
    // The payload of GitLab's id_token_authentication.md example, on an instance of its own.
    const payload = {
      iss: 'https://gitlab.example.com',
      sub: 'project_path:mygroup/myproject:ref_type:branch:ref:main',
      namespace_path: 'mygroup',
      project_path: 'mygroup/myproject',
      pipeline_source: 'push',
      job_id: '302',
    }
    expect(detectProviders(null, payload)).toEqual(['gitlab-ci'])
    expect(detectProviders(null, { ...payload, iss: 'https://gitlab.com' })).toEqual(['gitlab-ci'])
    const withoutJob: Record<string, string> = { ...payload }
    delete withoutJob.job_id
    expect(detectProviders(null, withoutJob)).toEqual([])
  })

  it('recognises SPIFFE by sub and an AWS load balancer by its header signer', () => {
    expect(detectProviders(null, { sub: 'spiffe://example.org/ns/default/sa/web' })).toEqual(['spiffe'])
    expect(
      detectProviders(
        {
          alg: 'ES256',
          signer: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188',
        },
        { sub: 'x' },
      ),
    ).toEqual(['aws-alb'])
    expect(detectProviders({ signer: 'someone' }, null)).toEqual([])
  })
})

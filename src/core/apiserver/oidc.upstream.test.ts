// Cases ported from kubernetes/apiserver plugin/pkg/authenticator/token/oidc/oidc_test.go
// (TestToken) at commit 24a394e516bfda066d7e2221d7d92c052de27c54: the same authenticator
// configuration, the same claims JSON, and the same expected user or error text. Keys are made here
// (upstream's testdata keys are not copied); upstream's `now`, `valid` and `expired` instants are kept.
// Which cases are ported and why the others are not: src/core/apiserver/UPSTREAM-CASES.md.
import { describe, expect, it } from 'vitest'
import { createCelEngine } from '../cel/index.ts'
import {
  EXPIRED_2009,
  jwksText,
  jwtAuthenticator,
  jwtSettings,
  keyMaterial,
  NOW_2009,
  signRaw,
  testKey,
  VALID_2009,
  type JwtSpec,
  type TestAlg,
} from '../../test/apiserverKit.ts'
import { evaluateToken } from './evaluate.ts'
import { fieldErrorMessage } from './fieldErrors.ts'
import { validateJwtAuthenticator } from './validate.ts'

const cel = createCelEngine()

interface Case {
  name: string
  jwt: JwtSpec
  /** Options.SupportedSigningAlgs; oidc.New defaults an empty list to RS256. */
  algs?: string[]
  alg?: Exclude<TestAlg, 'HS256' | 'EdDSA'>
  /** Sign with a key the key set does not have (under another kid). */
  otherSigningKey?: boolean
  claims: string
  want?: { name: string; uid?: string; groups?: string[]; extra?: Record<string, string[]> }
  wantErr?: string
  wantInitErr?: string
  disallowed?: string[]
  wantSkip?: boolean
  /** Where the offline evaluator cannot follow upstream: the reason code it must give instead of guessing. */
  wantUndetermined?: string
}

const V = String(VALID_2009)
const E = String(EXPIRED_2009)
const basic = (extra = '') =>
  `{"iss": "https://auth.example.com", "aud": "my-client", "username": "jane", "exp": ${V}${extra}}`
const userClaim = { claim: 'username', prefix: '' }
const exprUser = { expression: 'claims.username' }

const cases: Case[] = [
  { name: 'token', jwt: { username: userClaim }, claims: basic(), want: { name: 'jane' } },
  {
    name: 'no-username',
    jwt: { username: { claim: 'username', prefix: 'prefix:' } },
    claims: `{"iss": "https://auth.example.com", "aud": "my-client", "exp": ${V}}`,
    wantErr: 'oidc: parse username claims "username": claim not present',
  },
  {
    name: 'email',
    jwt: { username: { claim: 'email', prefix: '' } },
    claims: `{"iss": "https://auth.example.com", "aud": "my-client", "email": "jane@example.com", "email_verified": true, "exp": ${V}}`,
    want: { name: 'jane@example.com' },
  },
  {
    name: 'email-not-verified',
    jwt: { username: { claim: 'email', prefix: '' } },
    claims: `{"iss": "https://auth.example.com", "aud": "my-client", "email": "jane@example.com", "email_verified": false, "exp": ${V}}`,
    wantErr: 'oidc: email not verified',
  },
  {
    name: 'no-email-verified-claim',
    jwt: { username: { claim: 'email', prefix: '' } },
    claims: `{"iss": "https://auth.example.com", "aud": "my-client", "email": "jane@example.com", "exp": ${V}}`,
    want: { name: 'jane@example.com' },
  },
  {
    name: 'invalid-email-verified-claim',
    jwt: { username: { claim: 'email', prefix: '' } },
    claims: `{"iss": "https://auth.example.com", "aud": "my-client", "email": "jane@example.com", "email_verified": "false", "exp": ${V}}`,
    wantErr: "oidc: parse 'email_verified' claim: json: cannot unmarshal string into Go value of type bool",
  },
  {
    name: 'groups',
    jwt: { username: userClaim, groups: { claim: 'groups', prefix: '' } },
    claims: basic(', "groups": ["team1", "team2"]'),
    want: { name: 'jane', groups: ['team1', 'team2'] },
  },
  {
    name: 'group-string-claim',
    jwt: { username: userClaim, groups: { claim: 'groups', prefix: '' } },
    claims: basic(', "groups": "team1"'),
    want: { name: 'jane', groups: ['team1'] },
  },
  {
    name: 'group-string-claim-aggregated-not-supported',
    jwt: { username: userClaim, groups: { claim: 'groups', prefix: '' } },
    claims: basic(', "_claim_names": {"groups": "src1"}, "_claim_sources": {"src1": {"JWT": "some.jwt.token"}}'),
    want: { name: 'jane' },
  },
  {
    name: 'no-groups-claim',
    jwt: { username: userClaim, groups: { claim: 'groups', prefix: '' } },
    claims: basic(),
    want: { name: 'jane' },
  },
  {
    name: 'invalid-groups-claim',
    jwt: { username: userClaim, groups: { claim: 'groups', prefix: '' } },
    claims: basic(', "groups": 42'),
    wantErr: 'oidc: parse groups claim "groups": json: cannot unmarshal number into Go value of type string',
  },
  {
    name: 'required-claim',
    jwt: {
      username: userClaim,
      groups: { claim: 'groups', prefix: '' },
      claimRules: [
        { claim: 'hd', requiredValue: 'example.com' },
        { claim: 'sub', requiredValue: 'test' },
      ],
    },
    claims: basic(', "hd": "example.com", "sub": "test"'),
    want: { name: 'jane' },
  },
  {
    name: 'no-required-claim',
    jwt: {
      username: userClaim,
      groups: { claim: 'groups', prefix: '' },
      claimRules: [{ claim: 'hd', requiredValue: 'example.com' }],
    },
    claims: basic(),
    wantErr: 'oidc: required claim hd not present in ID token',
  },
  {
    name: 'invalid-required-claim',
    jwt: {
      username: userClaim,
      groups: { claim: 'groups', prefix: '' },
      claimRules: [{ claim: 'hd', requiredValue: 'example.com' }],
    },
    claims: basic(', "hd": "example.org"'),
    wantErr: 'oidc: required claim hd value does not match. Got = example.org, want = example.com',
  },
  {
    // Upstream's test key set answers "no keys matches jwk keyid"; go-oidc's real remote key set, which this mirrors, says this.
    name: 'invalid-signature',
    jwt: { username: { claim: 'username', prefix: 'prefix:' } },
    otherSigningKey: true,
    claims: basic(),
    wantErr: 'oidc: verify token: failed to verify signature: failed to verify id token signature',
  },
  {
    name: 'expired',
    jwt: { username: { claim: 'username', prefix: 'prefix:' } },
    claims: `{"iss": "https://auth.example.com", "aud": "my-client", "username": "jane", "exp": ${E}}`,
    wantErr: 'oidc: verify token: oidc: token is expired (Token Expiry: 2009-11-10 22:00:00 +0000 UTC)',
  },
  {
    name: 'invalid-aud',
    jwt: { username: { claim: 'username', prefix: 'prefix:' } },
    claims: `{"iss": "https://auth.example.com", "aud": "not-my-client", "username": "jane", "exp": ${V}}`,
    wantErr: 'oidc: verify token: oidc: expected audience "my-client" got ["not-my-client"]',
  },
  {
    name: 'multiple-audiences',
    jwt: { username: userClaim },
    claims: `{"iss": "https://auth.example.com", "aud": ["not-my-client", "my-client"], "azp": "not-my-client", "username": "jane", "exp": ${V}}`,
    want: { name: 'jane' },
  },
  {
    name: 'multiple-audiences in authentication config',
    jwt: { username: userClaim, audiences: ['random-client', 'my-client'], audienceMatchPolicy: 'MatchAny' },
    claims: `{"iss": "https://auth.example.com", "aud": ["not-my-client", "my-client"], "azp": "not-my-client", "username": "jane", "exp": ${V}}`,
    want: { name: 'jane' },
  },
  {
    name: 'multiple-audiences in authentication config, multiple matches',
    jwt: {
      username: userClaim,
      audiences: ['random-client', 'my-client', 'other-client'],
      audienceMatchPolicy: 'MatchAny',
    },
    claims: `{"iss": "https://auth.example.com", "aud": ["not-my-client", "my-client", "other-client"], "azp": "not-my-client", "username": "jane", "exp": ${V}}`,
    want: { name: 'jane' },
  },
  {
    name: 'multiple-audiences in authentication config, no match',
    jwt: { username: userClaim, audiences: ['random-client', 'my-client'], audienceMatchPolicy: 'MatchAny' },
    claims: `{"iss": "https://auth.example.com", "aud": ["not-my-client"], "azp": "not-my-client", "username": "jane", "exp": ${V}}`,
    wantErr: 'oidc: verify token: oidc: expected audience in ["my-client" "random-client"] got ["not-my-client"]',
  },
  {
    name: 'nuanced audience validation using claim validation rules',
    jwt: {
      username: userClaim,
      audiences: ['bar', 'foo', 'baz'],
      audienceMatchPolicy: 'MatchAny',
      claimRules: [
        {
          expression: 'sets.equivalent(claims.aud, ["bar", "foo", "baz"])',
          message: 'audience must exactly contain [bar, foo, baz]',
        },
      ],
    },
    claims: `{"iss": "https://auth.example.com", "aud": ["foo", "bar", "baz"], "azp": "not-my-client", "username": "jane", "exp": ${V}}`,
    want: { name: 'jane' },
  },
  {
    name: 'audience validation using claim validation rules fails',
    jwt: {
      username: userClaim,
      audiences: ['bar', 'foo', 'baz'],
      audienceMatchPolicy: 'MatchAny',
      claimRules: [
        {
          expression: 'sets.equivalent(claims.aud, ["bar", "foo", "baz"])',
          message: 'audience must exactly contain [bar, foo, baz]',
        },
      ],
    },
    claims: `{"iss": "https://auth.example.com", "aud": ["foo", "baz"], "azp": "not-my-client", "username": "jane", "exp": ${V}}`,
    wantErr:
      'oidc: error evaluating claim validation expression: validation expression \'sets.equivalent(claims.aud, ["bar", "foo", "baz"])\' failed: audience must exactly contain [bar, foo, baz]',
  },
  {
    name: 'invalid-issuer',
    jwt: { username: { claim: 'username', prefix: 'prefix:' } },
    claims: `{"iss": "https://example.com", "aud": "my-client", "username": "jane", "exp": ${V}}`,
    wantSkip: true,
  },
  {
    name: 'username-prefix',
    jwt: { username: { claim: 'username', prefix: 'oidc:' } },
    claims: basic(),
    want: { name: 'oidc:jane' },
  },
  {
    name: 'groups-prefix',
    jwt: { username: { claim: 'username', prefix: 'oidc:' }, groups: { claim: 'groups', prefix: 'groups:' } },
    claims: basic(', "groups": ["team1", "team2"]'),
    want: { name: 'oidc:jane', groups: ['groups:team1', 'groups:team2'] },
  },
  {
    name: 'invalid-signing-alg',
    jwt: { username: { claim: 'username', prefix: 'prefix:' } },
    alg: 'PS256',
    claims: basic(),
    wantErr: 'oidc: verify token: oidc: id token signed with unsupported algorithm, expected ["RS256"] got "PS256"',
  },
  {
    name: 'ps256',
    jwt: { username: userClaim },
    algs: ['PS256'],
    alg: 'PS256',
    claims: basic(),
    want: { name: 'jane' },
  },
  {
    name: 'es512',
    jwt: { username: userClaim },
    algs: ['ES512'],
    alg: 'ES512',
    claims: basic(),
    want: { name: 'jane' },
  },
  {
    name: 'not-https',
    jwt: { url: 'http://auth.example.com', username: { claim: 'username', prefix: 'prefix:' } },
    claims: basic(),
    wantInitErr: 'issuer.url: Invalid value: "http://auth.example.com": URL scheme must be https',
  },
  {
    name: 'no-username-claim',
    jwt: { username: { prefix: '' } },
    claims: basic(),
    wantInitErr: 'claimMappings.username: Required value: claim or expression is required',
  },
  {
    name: 'accounts.google.com issuer',
    jwt: { url: 'https://accounts.google.com', username: { claim: 'email', prefix: '' } },
    claims: `{"iss": "accounts.google.com", "email": "thomas.jefferson@gmail.com", "aud": "my-client", "exp": ${V}}`,
    want: { name: 'thomas.jefferson@gmail.com' },
  },
  {
    name: 'good token with bad client id',
    jwt: { username: { claim: 'username', prefix: 'prefix:' } },
    claims: `{"iss": "https://auth.example.com", "aud": "my-wrong-client", "username": "jane", "exp": ${V}}`,
    wantErr: 'oidc: verify token: oidc: expected audience "my-client" got ["my-wrong-client"]',
  },
  {
    name: 'user validation rule fails for user.username',
    jwt: {
      username: { claim: 'username', prefix: 'system:' },
      userRules: [
        { expression: "!user.username.startsWith('system:')", message: 'username cannot used reserved system: prefix' },
      ],
    },
    claims: basic(),
    wantErr:
      "oidc: error evaluating user info validation rule: validation expression '!user.username.startsWith('system:')' failed: username cannot used reserved system: prefix",
  },
  {
    name: 'user validation rule fails for user.groups',
    jwt: {
      username: exprUser,
      groups: { claim: 'groups', prefix: 'system:' },
      userRules: [
        {
          expression: "user.groups.all(group, !group.startsWith('system:'))",
          message: 'groups cannot used reserved system: prefix',
        },
      ],
    },
    claims: basic(', "groups": ["team1", "team2"]'),
    wantErr:
      "oidc: error evaluating user info validation rule: validation expression 'user.groups.all(group, !group.startsWith('system:'))' failed: groups cannot used reserved system: prefix",
  },
  {
    name: 'claim validation rule with expression fails',
    jwt: {
      username: userClaim,
      claimRules: [{ expression: 'claims.hd == "example.com"', message: 'hd claim must be example.com' }],
    },
    claims: basic(),
    wantErr:
      'oidc: error evaluating claim validation expression: expression \'claims.hd == "example.com"\' resulted in error: no such key: hd',
  },
  {
    name: 'claim validation rule with expression',
    jwt: {
      username: userClaim,
      claimRules: [{ expression: 'claims.hd == "example.com"', message: 'hd claim must be example.com' }],
    },
    claims: basic(', "hd": "example.com"'),
    want: { name: 'jane' },
  },
  {
    name: 'claim validation rule with expression and nested claims',
    jwt: {
      username: userClaim,
      claimRules: [{ expression: 'claims.foo.bar == "baz"', message: 'foo.bar claim must be baz' }],
    },
    claims: basic(', "hd": "example.com", "foo": {"bar": "baz"}'),
    want: { name: 'jane' },
  },
  {
    name: 'claim validation rule with mix of expression and claim',
    jwt: {
      username: userClaim,
      claimRules: [
        { expression: 'claims.foo.bar == "baz"', message: 'foo.bar claim must be baz' },
        { claim: 'hd', requiredValue: 'example.com' },
      ],
    },
    claims: basic(', "hd": "example.com", "foo": {"bar": "baz"}'),
    want: { name: 'jane' },
  },
  {
    name: 'username claim mapping with expression',
    jwt: { username: exprUser },
    claims: basic(),
    want: { name: 'jane' },
  },
  {
    name: 'username claim mapping with expression and nested claim',
    jwt: { username: { expression: 'claims.foo.username' } },
    claims: `{"iss": "https://auth.example.com", "aud": "my-client", "foo": {"username": "jane"}, "exp": ${V}}`,
    want: { name: 'jane' },
  },
  {
    name: 'claim mappings with expressions and deeply nested claim - success',
    jwt: {
      claimRules: [{ expression: 'claims.turtle.foo.other1.bit1 && !claims.turtle.foo.bar.other1.bit2' }],
      username: { expression: 'claims.turtle.foo.bar.baz.panda[0]' },
      uid: { expression: 'claims.turtle.foo.bar.baz.panda[1]' },
      groups: { expression: 'claims.turtle.foo.bar.baz.panda' },
      extra: [
        { key: 'bio.snorlax.org/1', valueExpression: 'string(claims.turtle.foo.bar.other1.bit2)' },
        { key: 'bio.snorlax.org/2', valueExpression: 'string(claims.turtle.foo.bar.baz.other1.bit3)' },
        {
          key: 'bio.snorlax.org/3',
          valueExpression: "[string(claims.turtle.foo.bar.baz.other1.bit1)] + ['a', 'b', 'c']",
        },
      ],
      userRules: [
        { expression: 'user.username != "bad"' },
        { expression: 'user.uid == "007"' },
        { expression: '"claus" in user.groups' },
        { expression: 'user.extra.bio__dot__snorlax__dot__org__slash__3.size() == 4' },
      ],
    },
    claims: `{"iss": "https://auth.example.com", "aud": "my-client", "exp": ${V}, "turtle": {"foo": {"1": "a", "2": "b", "other1": {"bit1": true, "bit2": false, "bit3": 1}, "bar": {"3": "c", "4": "d", "other1": {"bit1": true, "bit2": false, "bit3": 1}, "baz": {"5": "e", "6": "f", "panda": ["snorlax", "007", "santa", "claus"], "other1": {"bit1": true, "bit2": false, "bit3": 1}}}}}}`,
    want: {
      name: 'snorlax',
      uid: '007',
      groups: ['snorlax', '007', 'santa', 'claus'],
      extra: {
        'bio.snorlax.org/1': ['false'],
        'bio.snorlax.org/2': ['1'],
        'bio.snorlax.org/3': ['true', 'a', 'b', 'c'],
      },
    },
  },
  {
    name: 'claim mappings with expressions and deeply nested claim - success via optional',
    jwt: {
      username: { expression: 'claims.turtle.foo.bar.baz.panda[0]' },
      groups: { expression: "claims.turtle.foo.bar.baz.?a.b.c.d.orValue([ 'claus' ])" },
    },
    claims: `{"iss": "https://auth.example.com", "aud": "my-client", "exp": ${V}, "turtle": {"foo": {"bar": {"baz": {"panda": ["snorlax", "007"]}}}}}`,
    want: { name: 'snorlax', groups: ['claus'] },
  },
  {
    name: 'claim mappings with expressions and deeply nested claim - failure without optional',
    jwt: {
      username: { expression: 'claims.turtle.foo.bar.baz.panda[0]' },
      groups: { expression: 'claims.turtle.foo.bar.baz.a.b.c.d' },
    },
    claims: `{"iss": "https://auth.example.com", "aud": "my-client", "exp": ${V}, "turtle": {"foo": {"bar": {"baz": {"panda": ["snorlax", "007"]}}}}}`,
    wantErr:
      "oidc: error evaluating group claim expression: expression 'claims.turtle.foo.bar.baz.a.b.c.d' resulted in error: no such key: a",
  },
  {
    name: 'claim mappings with expressions and deeply nested claim - success - service account payload',
    jwt: {
      url: 'https://kubernetes.default.svc',
      audiences: ['https://kubernetes.default.svc'],
      claimRules: [
        {
          expression:
            'claims.sub == ("system:serviceaccount:" + claims.kubernetes__dot__io.namespace + ":" + claims.kubernetes__dot__io.serviceaccount.name)',
        },
        { expression: 'has(claims.kubernetes__dot__io.pod.uid)' },
        { expression: 'claims["kubernetes.io"]["node"]["uid"] != ""' },
        { expression: 'claims[?"kubernetes.io"]["node"]["ip"].orValue(true)' },
      ],
      username: {
        expression:
          '"system:serviceaccount:" + claims.kubernetes__dot__io.namespace + ":" + claims.kubernetes__dot__io.serviceaccount.name',
      },
      uid: { expression: 'claims.kubernetes__dot__io.serviceaccount.uid' },
      groups: {
        expression: '[ "system:serviceaccounts", "system:serviceaccounts:" + claims.kubernetes__dot__io.namespace ]',
      },
      extra: [
        { key: 'authentication.x-kubernetes.io/pod-name', valueExpression: 'claims.kubernetes__dot__io.pod.name' },
        { key: 'authentication.x-kubernetes.io/pod-uid', valueExpression: 'claims.kubernetes__dot__io.pod.uid' },
        { key: 'authentication.x-kubernetes.io/node-name', valueExpression: 'claims.kubernetes__dot__io.node.name' },
        { key: 'authentication.x-kubernetes.io/node-uid', valueExpression: 'claims.kubernetes__dot__io.node.uid' },
        { key: 'authentication.x-kubernetes.io/credential-id', valueExpression: '"JTI=" + claims.jti' },
        { key: 'test.x-kubernetes.io/warnafter', valueExpression: 'string(int(claims.kubernetes__dot__io.warnafter))' },
        { key: 'test.x-kubernetes.io/namespace', valueExpression: 'claims.kubernetes__dot__io.namespace' },
      ],
      userRules: [
        {
          expression:
            'user.username.startsWith("system:serviceaccount:" + user.extra["test.x-kubernetes.io/namespace"][0] + ":")',
        },
        { expression: 'user.uid != ""' },
        { expression: '"system:serviceaccounts" in user.groups && user.groups.size() == 2' },
        {
          expression:
            'user.extra.authentication__dot__x__dash__kubernetes__dot__io__slash__node__dash__name[0] == "127.0.0.1"',
        },
        {
          expression:
            'user.extra.authentication__dot__x__dash__kubernetes__dot__io__slash__credential__dash__id[0] == user.extra.authentication__dot__kubernetes__dot__io__slash__credential__dash__id[0]',
        },
        { expression: 'user.extra["test.x-kubernetes.io/warnafter"][0] == "1700081020"' },
        { expression: 'has(user.extra.authentication__dot__x__dash__kubernetes__dot__io__slash__pod__dash__name)' },
        { expression: 'user.extra[?"test.x-kubernetes.io/missing"].orValue([]) == []' },
      ],
    },
    claims: `{"aud": ["https://kubernetes.default.svc"], "exp": ${V}, "iat": 1700077413, "iss": "https://kubernetes.default.svc", "jti": "ea28ed49-2e11-4280-9ec5-bc3d1d84661a", "kubernetes.io": {"namespace": "kube-system", "node": {"name": "127.0.0.1", "uid": "58456cb0-dd00-45ed-b797-5578fdceaced"}, "pod": {"name": "coredns-69cbfb9798-jv9gn", "uid": "778a530c-b3f4-47c0-9cd5-ab018fb64f33"}, "serviceaccount": {"name": "coredns", "uid": "a087d5a0-e1dd-43ec-93ac-f13d89cd13af"}, "warnafter": 1700081020}, "nbf": ${NOW_2009 / 1000}, "sub": "system:serviceaccount:kube-system:coredns"}`,
    want: {
      name: 'system:serviceaccount:kube-system:coredns',
      uid: 'a087d5a0-e1dd-43ec-93ac-f13d89cd13af',
      groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system'],
      extra: {
        'authentication.x-kubernetes.io/pod-name': ['coredns-69cbfb9798-jv9gn'],
        'authentication.x-kubernetes.io/pod-uid': ['778a530c-b3f4-47c0-9cd5-ab018fb64f33'],
        'authentication.x-kubernetes.io/node-name': ['127.0.0.1'],
        'authentication.x-kubernetes.io/node-uid': ['58456cb0-dd00-45ed-b797-5578fdceaced'],
        'authentication.kubernetes.io/credential-id': ['JTI=ea28ed49-2e11-4280-9ec5-bc3d1d84661a'],
        'authentication.x-kubernetes.io/credential-id': ['JTI=ea28ed49-2e11-4280-9ec5-bc3d1d84661a'],
        'test.x-kubernetes.io/warnafter': ['1700081020'],
        'test.x-kubernetes.io/namespace': ['kube-system'],
      },
    },
  },
  {
    name: 'claim mappings with expressions and deeply nested claim - success - claims payload with deep use of __dot__',
    jwt: {
      claimRules: [
        { expression: 'has(claims.turtle.foo.bar.baz.username__dot__io)' },
        { expression: 'has(claims.turtle.foo.bar.baz.link[0].uid__dot__io)' },
        { expression: 'has(claims.data[0].groups__dot__io)' },
        { expression: 'claims.turtle.foo.bar.bee.username__dot__io.company__dot__io == "fun-corp"' },
      ],
      username: { expression: 'claims.turtle.foo.bar.baz.username__dot__io' },
      uid: { expression: 'claims.turtle.foo.bar.baz.link[0].uid__dot__io' },
      groups: { expression: 'claims.data[0].groups__dot__io' },
    },
    claims: `{"iss": "https://auth.example.com", "aud": "my-client", "exp": ${V}, "data": [{"groups.io": "gen1"}], "turtle": {"foo": {"bar": {"bee": {"username.io": {"company.io": "fun-corp"}}, "baz": {"username.io": "snorlax.io", "link": [{"uid.io": "143"}]}}}}}`,
    // has() on a field of an indexed value (has(claims.data[0].groups__dot__io)) is beyond the CEL
    // library here; upstream authenticates snorlax.io (uid 143, groups gen1). Here: no verdict, not a wrong one.
    wantUndetermined: 'CEL_NOT_EVALUABLE_OFFLINE',
  },
  {
    name: 'groups claim mapping with expression',
    jwt: { username: exprUser, groups: { expression: 'claims.groups' } },
    claims: basic(', "groups": ["team1", "team2"]'),
    want: { name: 'jane', groups: ['team1', 'team2'] },
  },
  {
    name: 'groups claim with expression',
    jwt: {
      username: { claim: 'username', prefix: 'oidc:' },
      groups: { expression: '(claims.roles.split(",") + claims.other_roles.split(",")).map(role, "groups:" + role)' },
    },
    claims: basic(', "roles": "foo,bar", "other_roles": "baz,qux"'),
    want: { name: 'oidc:jane', groups: ['groups:foo', 'groups:bar', 'groups:baz', 'groups:qux'] },
  },
  {
    name: 'uid claim mapping with expression',
    jwt: { username: exprUser, groups: { expression: 'claims.groups' }, uid: { expression: 'claims.uid' } },
    claims: basic(', "groups": ["team1", "team2"], "uid": "1234"'),
    want: { name: 'jane', groups: ['team1', 'team2'], uid: '1234' },
  },
  {
    name: 'uid claim mapping with claim',
    jwt: { username: exprUser, groups: { expression: 'claims.groups' }, uid: { claim: 'uid' } },
    claims: basic(', "groups": ["team1", "team2"], "uid": "1234"'),
    want: { name: 'jane', groups: ['team1', 'team2'], uid: '1234' },
  },
  {
    name: 'extra claim mapping with expression',
    jwt: {
      username: exprUser,
      groups: { expression: 'claims.groups' },
      uid: { expression: 'claims.uid' },
      extra: [
        { key: 'example.org/foo', valueExpression: 'claims.foo' },
        { key: 'example.org/bar', valueExpression: 'claims.bar' },
      ],
    },
    claims: basic(', "groups": ["team1", "team2"], "uid": "1234", "foo": "bar", "bar": ["baz", "qux"]'),
    want: {
      name: 'jane',
      groups: ['team1', 'team2'],
      uid: '1234',
      extra: { 'example.org/foo': ['bar'], 'example.org/bar': ['baz', 'qux'] },
    },
  },
  {
    name: 'extra claim mapping, value derived from claim value',
    jwt: {
      username: exprUser,
      extra: [
        { key: 'example.org/admin', valueExpression: '(has(claims.is_admin) && claims.is_admin) ? "true":""' },
        { key: 'example.org/admin_1', valueExpression: 'claims.?is_admin.orValue(false) == true ? "true":""' },
        {
          key: 'example.org/non_existent',
          valueExpression: 'claims.?non_existent.orValue("default") == "default" ? "true":""',
        },
      ],
    },
    claims: basic(', "is_admin": true'),
    want: {
      name: 'jane',
      extra: { 'example.org/admin': ['true'], 'example.org/admin_1': ['true'], 'example.org/non_existent': ['true'] },
    },
  },
  {
    name: 'hardcoded extra claim mapping',
    jwt: { username: exprUser, extra: [{ key: 'example.org/admin', valueExpression: '"true"' }] },
    claims: basic(', "is_admin": true'),
    want: { name: 'jane', extra: { 'example.org/admin': ['true'] } },
  },
  {
    name: 'extra claim mapping, multiple expressions for same key',
    jwt: {
      username: exprUser,
      extra: [
        { key: 'example.org/foo', valueExpression: 'claims.foo' },
        { key: 'example.org/bar', valueExpression: 'claims.bar' },
        { key: 'example.org/foo', valueExpression: 'claims.bar' },
      ],
    },
    claims: basic(),
    wantInitErr: 'claimMappings.extra[2].key: Duplicate value: "example.org/foo"',
  },
  {
    name: 'disallowed issuer via configured value',
    jwt: { username: exprUser, groups: { expression: 'claims.groups' }, uid: { expression: 'claims.uid' } },
    disallowed: ['https://auth.example.com'],
    claims: basic(),
    wantInitErr:
      'issuer.url: Invalid value: "https://auth.example.com": URL must not overlap with disallowed issuers: [https://auth.example.com]',
  },
  {
    name: 'invalid egress type',
    jwt: { username: exprUser, egressSelectorType: 'etcd' },
    claims: basic(),
    wantInitErr:
      'issuer.egressSelectorType: Invalid value: "etcd": egress selector must be either controlplane or cluster',
  },
  {
    name: 'extra claim mapping, empty string value for key',
    jwt: {
      username: exprUser,
      groups: { expression: 'claims.groups' },
      uid: { expression: 'claims.uid' },
      extra: [
        { key: 'example.org/foo', valueExpression: 'claims.foo' },
        { key: 'example.org/bar', valueExpression: 'claims.bar' },
      ],
    },
    claims: basic(', "groups": ["team1", "team2"], "uid": "1234", "foo": "", "bar": ["baz", "qux"]'),
    want: { name: 'jane', groups: ['team1', 'team2'], uid: '1234', extra: { 'example.org/bar': ['baz', 'qux'] } },
  },
  {
    name: 'extra claim mapping with user validation rule succeeds',
    jwt: {
      username: exprUser,
      groups: { expression: 'claims.groups' },
      uid: { expression: 'claims.uid' },
      extra: [
        { key: 'example.org/foo', valueExpression: "'bar'" },
        { key: 'example.org/baz', valueExpression: 'claims.baz' },
      ],
      userRules: [
        {
          expression: "'bar' in user.extra['example.org/foo'] && 'qux' in user.extra['example.org/baz']",
          message: 'example.org/foo must be bar and example.org/baz must be qux',
        },
      ],
    },
    claims: basic(', "groups": ["team1", "team2"], "uid": "1234", "baz": "qux"'),
    want: {
      name: 'jane',
      groups: ['team1', 'team2'],
      uid: '1234',
      extra: { 'example.org/foo': ['bar'], 'example.org/baz': ['qux'] },
    },
  },
  {
    name: 'groups expression returns null',
    jwt: { username: exprUser, groups: { expression: 'claims.groups' } },
    claims: basic(', "groups": null, "uid": "1234", "baz": "qux"'),
    want: { name: 'jane' },
  },
  {
    name: "test user validation rule doesn't fail when user info is empty except username",
    jwt: {
      username: exprUser,
      groups: { expression: 'claims.groups' },
      userRules: [
        { expression: 'user.username == " "', message: 'username must be single space' },
        { expression: 'user.uid == ""', message: 'uid must be empty string' },
        { expression: "!('bar' in user.groups)", message: 'groups must not contain bar' },
        { expression: "!('bar' in user.extra)", message: 'extra must not contain bar' },
      ],
    },
    claims: `{"iss": "https://auth.example.com", "aud": "my-client", "username": " ", "groups": null, "exp": ${V}, "baz": "qux"}`,
    want: { name: ' ' },
  },
  {
    name: 'empty username is allowed via claim',
    jwt: {
      username: userClaim,
      groups: { expression: 'claims.groups' },
      userRules: [
        { expression: 'user.username == ""', message: 'username must be empty string' },
        { expression: 'user.uid == ""', message: 'uid must be empty string' },
        { expression: "!('bar' in user.groups)", message: 'groups must not contain bar' },
        { expression: "!('bar' in user.extra)", message: 'extra must not contain bar' },
      ],
    },
    claims: `{"iss": "https://auth.example.com", "aud": "my-client", "username": "", "groups": null, "exp": ${V}, "baz": "qux"}`,
    want: { name: '' },
  },
  {
    name: 'minimum valid jwt payload',
    jwt: { username: { expression: 'claims.user' } },
    claims: `{"iss": "https://auth.example.com", "aud": "my-client", "user": "jane", "exp": ${V}}`,
    want: { name: 'jane' },
  },
  {
    name: 'credential id set in extra even when no extra claim mappings are defined',
    jwt: { username: exprUser },
    claims: basic(', "jti": "1234"'),
    want: { name: 'jane', extra: { 'authentication.kubernetes.io/credential-id': ['JTI=1234'] } },
  },
  {
    name: 'credential id set in extra when extra claim mappings are defined',
    jwt: {
      username: exprUser,
      extra: [
        { key: 'example.org/foo', valueExpression: 'claims.foo' },
        { key: 'example.org/bar', valueExpression: 'claims.bar' },
      ],
    },
    claims: basic(', "jti": "1234", "foo": "bar", "bar": ["baz", "qux"]'),
    want: {
      name: 'jane',
      extra: {
        'authentication.kubernetes.io/credential-id': ['JTI=1234'],
        'example.org/foo': ['bar'],
        'example.org/bar': ['baz', 'qux'],
      },
    },
  },
  {
    name: 'non-string jti claim does not set credential id in extra or error',
    jwt: { username: exprUser },
    claims: basic(', "jti": 1234'),
    want: { name: 'jane' },
  },
  {
    name: 'missing jti claim does not set credential id in extra or error',
    jwt: { username: exprUser },
    claims: basic(),
    want: { name: 'jane' },
  },
  {
    name: 'using credential id and user validation rule to simulate revocation',
    jwt: {
      username: exprUser,
      userRules: [
        {
          expression: `!(user.extra[?'authentication.kubernetes.io/credential-id'][0].orValue('') in ["JTI=ea28ed49-2e11-4280-9ec5-bc3d1d84661a"])`,
          message: 'credential is revoked',
        },
      ],
    },
    claims: basic(', "jti": "ea28ed49-2e11-4280-9ec5-bc3d1d84661a"'),
    wantErr: `oidc: error evaluating user info validation rule: validation expression '!(user.extra[?'authentication.kubernetes.io/credential-id'][0].orValue('') in ["JTI=ea28ed49-2e11-4280-9ec5-bc3d1d84661a"])' failed: credential is revoked`,
  },
]

async function run(c: Case) {
  const alg = c.alg ?? 'RS256'
  const key = await testKey(alg, 'set')
  const a = jwtAuthenticator(c.jwt)
  if (c.wantInitErr) {
    const v = validateJwtAuthenticator(a, '', c.disallowed ?? [], cel)
    expect(v.errors.map(fieldErrorMessage)).toContain(c.wantInitErr)
    return
  }
  expect(validateJwtAuthenticator(a, '', [], cel).errors.map(fieldErrorMessage)).toEqual([])
  const signer = c.otherSigningKey ? await testKey(alg, 'other') : key
  const token = await signRaw(c.claims, signer, { kid: c.otherSigningKey ? 'rsa_2' : 'rsa_1' })
  const verdict = await evaluateToken({
    token,
    settings: jwtSettings([a], c.algs ?? ['RS256']),
    keys: keyMaterial(jwksText([{ key, kid: 'rsa_1' }])),
    nowMs: NOW_2009,
    cel,
  })
  if (c.wantUndetermined) {
    expect(verdict.state).toBe('undetermined')
    expect(verdict.reason).toBe(c.wantUndetermined)
    return
  }
  if (c.wantSkip) {
    expect(verdict.state).toBe('not-handled')
    return
  }
  if (c.wantErr) {
    expect(verdict.error).toBe(c.wantErr)
    expect(verdict.state).toBe('rejected')
    expect(verdict.authenticator).toBe(`jwt:${a.issuer.url}`)
    return
  }
  expect(verdict.error).toBeUndefined()
  expect(verdict.state).toBe('authenticated')
  const want = c.want!
  const user = verdict.user!
  expect(user.username).toBe(want.name)
  expect(user.uid).toBe(want.uid ?? '')
  // system:authenticated is added by the chain after the authenticator, which upstream's unit test does not include.
  expect(user.groups).toEqual([...(want.groups ?? []), 'system:authenticated'])
  expect(Object.fromEntries(user.extra.map((e) => [e.key, e.values]))).toEqual(want.extra ?? {})
}

describe('oidc_test.go TestToken, ported', () => {
  for (const c of cases) it(c.name, () => run(c))
  it('ports a good part of upstream’s table', () => expect(cases.length).toBeGreaterThanOrEqual(60))
})

import { describe, expect, it } from 'vitest'
import { startupChunks, startupViolations } from './check-startup-modules.mjs'

const chunk = (file: string, isEntry: boolean, imports: string[], ids: string[]) => ({
  file,
  isEntry,
  imports,
  modules: ids.map((id) => ({ id, bytes: 10 })),
})

describe('the start-up module check', () => {
  const lazy = chunk('assets/verify.js', false, [], ['src/core/verify/verify.ts', 'node_modules/jose/dist/x.js'])
  it('follows static imports from the entry, not dynamic ones', () => {
    const runtime = chunk('assets/runtime.js', false, [], ['rolldown/runtime.js'])
    const entry = chunk('assets/index.js', true, ['assets/runtime.js'], ['src/main.tsx'])
    expect(startupChunks([entry, runtime, lazy]).map((c) => c.file)).toEqual(['assets/index.js', 'assets/runtime.js'])
    expect(startupViolations([entry, runtime, lazy])).toEqual([])
  })

  it('keeps the compare and compose views out, and the app state that opens them in', () => {
    const entry = chunk(
      'assets/index.js',
      true,
      [],
      ['src/app/workbench.ts', 'src/core/compose/sign.ts', 'src/ui/compare/CompareView.tsx', 'src/core/composer.ts'],
    )
    expect(startupViolations([entry]).map((v) => v.split(': ').pop())).toEqual([
      'src/core/compose/sign.ts (10 B before minifying)',
      'src/ui/compare/CompareView.tsx (10 B before minifying)',
    ])
  })

  it('keeps the rarer Kubernetes insights out, and the issuer recognition and next steps they add to in', () => {
    const entry = chunk(
      'assets/index.js',
      true,
      [],
      [
        'src/core/k8s/issuerProvider.ts',
        'src/core/k8s/adviceSteps.ts',
        'src/core/k8s/audiences.ts',
        'src/core/k8s/review.ts',
      ],
    )
    expect(startupViolations([entry]).map((v) => v.split(': ').pop())).toEqual([
      'src/core/k8s/audiences.ts (10 B before minifying)',
      'src/core/k8s/review.ts (10 B before minifying)',
    ])
  })

  it('keeps the common pack of registered meanings out', () => {
    const entry = chunk('assets/index.js', true, [], ['src/core/knowledge/common.generated.ts'])
    expect(startupViolations([entry])).toEqual([
      'assets/index.js contains the common pack of registered meanings (the on-demand `common` chunk): src/core/knowledge/common.generated.ts (10 B before minifying)',
    ])
  })

  it('keeps the stepwise reader of long share links out, and the JSON reader it builds on in', () => {
    const entry = chunk('assets/index.js', true, [], ['src/core/encoding/json.ts', 'src/core/encoding/jsonSteps.ts'])
    expect(startupViolations([entry]).map((v) => v.split(': ').pop())).toEqual([
      'src/core/encoding/jsonSteps.ts (10 B before minifying)',
    ])
  })

  it('names every forbidden module that got in, and the chunk it is in', () => {
    const entry = chunk(
      'assets/index.js',
      true,
      [],
      [
        'src/main.tsx',
        'src/core/verify/keyMaterial.ts',
        'node_modules/yaml/browser/dist/index.js',
        'node_modules/@tanstack/query-core/build/modern/query.js',
        'node_modules/jose/dist/webapi/index.js',
        'src/core/verifyish.ts',
      ],
    )
    expect(startupViolations([entry, lazy])).toEqual([
      'assets/index.js contains verification code (src/core/verify/): src/core/verify/keyMaterial.ts (10 B before minifying)',
      'assets/index.js contains yaml: node_modules/yaml/browser/dist/index.js (10 B before minifying)',
      'assets/index.js contains @tanstack: node_modules/@tanstack/query-core/build/modern/query.js (10 B before minifying)',
      'assets/index.js contains jose: node_modules/jose/dist/webapi/index.js (10 B before minifying)',
    ])
  })
})

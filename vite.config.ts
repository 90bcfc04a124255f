import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { chunkListPlugin } from './build/chunkList.ts'
import { cspPlugin } from './build/csp.ts'
import { noPreloadHelperPlugin } from './build/noPreloadHelper.ts'
import { pwaPlugin } from './build/pwa.ts'

/** What is loaded on demand, by chunk (src/app/modules.ts loads the code, src/ui/lazyViews.ts the views). */
const ON_DEMAND = {
  yaml: /node_modules[\\/]yaml[\\/]|src[\\/]app[\\/]yaml\.ts$/,
  // The panel that says what was pasted, with the facts of Kubernetes pastes (reviews, CSI maps,
  // credential provider requests, non-JWT bearer tokens): only the extractor produces them.
  extractor: /src[\\/]core[\\/]extract[\\/]|src[\\/]ui[\\/]input[\\/](ExtractionPanel|KubernetesPasteFacts)\.tsx$/,
  // Reading keys and checking signatures (jose), what each result means, and the hints on where
  // to get keys: when the verification panel is first used. The panel itself, the claim checks
  // and what "not verified" means are shown after the first view (`later`).
  verify:
    /node_modules[\\/]jose[\\/]|src[\\/]core[\\/]verify[\\/](?!meaning|claimChecks)\w+\.ts$|src[\\/]ui[\\/]verify[\\/]KeyList\.tsx$/,
  // What the API server would decide, and CEL for its claim mappings: with the verification code.
  apiserver: /src[\\/]core[\\/]apiserver[\\/]|src[\\/]ui[\\/]apiserver[\\/]ApiServerVerdict\.tsx$/,
  cel: /src[\\/]core[\\/]cel[\\/]|node_modules[\\/]@marcbachmann[\\/]/,
  // Sharing, with the stepwise JSON reader that only share links of 256 KB or more need.
  share:
    /src[\\/]core[\\/]permalink[\\/]|src[\\/]core[\\/]encoding[\\/]jsonSteps\.ts$|src[\\/]ui[\\/]share[\\/](SharePanel|SharedLinkBanner)\.tsx$/,
  // The rows past the first ones of a long table: only a token with that many claims needs the window.
  rows: /src[\\/]ui[\\/]decoded[\\/]RowWindow\.tsx$|src[\\/]core[\\/]analysis[\\/]rowWindow\.ts$/,
  // The views only a token that is no Kubernetes one needs: its summary facts, and a payload that
  // is no claims (encrypted, text, bytes, a nested token).
  jwt: /src[\\/]ui[\\/](summary[\\/]JwtFacts|decoded[\\/]OtherPayload)\.tsx$/,
  // The disclosures of an SD-JWT: only such tokens need the panel.
  sdjwt: /src[\\/]ui[\\/]decoded[\\/]DisclosuresPanel\.tsx$/,
  examples: /src[\\/]core[\\/]examples[\\/]exampleTokens\.ts$/,
  // The providers' claim meanings: for a token whose issuer is recognised as one of them.
  providers: /src[\\/]core[\\/]knowledge[\\/]providers\.generated\.ts$/,
  // The registered names a Kubernetes token does not carry: OpenID Connect, OAuth, SD-JWT, cnf,
  // JWE and key header parameters (Knowledge.packsNeeded).
  common: /src[\\/]core[\\/]knowledge[\\/]common\.generated\.ts$/,
  // The registered claims that pasted tokens rarely carry (telephony, attestation, federation…).
  registry: /src[\\/]core[\\/]knowledge[\\/]registry\.generated\.ts$/,
  // The rarer Kubernetes insights: the audience catalogue, image-pull tokens, the steps of
  // webhook-bound and image-pull tokens, reviews; for a token that needs them (needsExtraInsights).
  k8sExtra:
    /src[\\/]core[\\/]k8s[\\/](extra|audiences|imagePull|bindingAdvice|legacyAdvice|lifetime|review|provider|advice)\.ts$|src[\\/]ui[\\/]k8s[\\/](KubernetesBinding|ReviewComparison)\.tsx$/,
  // The checks of rarer token shapes (webhook bindings, external signers, DPoP, SPIFFE, GitHub
  // Actions), the checks of rarer header parameters and claims, and decoding's notes (JWE,
  // unsecured, SD-JWT, payloads that are no claims, duplicate members): for a token that has one
  // (Knowledge.needsShapeChecks). Ahead of `knowledge`, whose folder they share.
  shapes:
    /src[\\/]core[\\/]checks[\\/](shapes|headerRare|claimRare|deceptiveText|dpop|spiffe|github|workloadTokens|decodingNotes|shapeCodes)\.ts$|src[\\/]core[\\/]k8s[\\/]webhookChecks\.ts$/,
  // SHA-256 and JWK thumbprints: for DPoP proofs (with the shape checks) and the extractor's
  // DPoP and EKS pastes, which share them without either bringing the other along.
  sha256: /src[\\/]core[\\/]encoding[\\/](sha256|jwkThumbprint)\.ts$/,
  knowledge:
    /src[\\/]core[\\/](knowledge|checks)[\\/]|src[\\/]core[\\/]k8s[\\/]claimInfo\.ts$|src[\\/]ui[\\/]knowledge[\\/]ClaimExplanation\.tsx$/,
  // The two workbenches, each with its view: only a visit that opens one of them loads it. Last,
  // so that what they share with the chunks above (the provider names, say) stays there.
  compare: /src[\\/](core|ui)[\\/]compare[\\/]|src[\\/]app[\\/]compareSides\.ts$/,
  compose: /src[\\/](core|ui)[\\/]compose[\\/]|src[\\/]app[\\/]composer\.ts$/,
}
const onDemand = (id: string) => Object.values(ON_DEMAND).some((re) => re.test(id))
export default defineConfig({
  // A relative base lets the same build be served from any sub-path.
  base: './',
  plugins: [noPreloadHelperPlugin(), react(), cspPlugin(), pwaPlugin(), chunkListPlugin()],
  build: {
    target: 'es2022',
    sourcemap: false,
    // No preload lists and no polyfill: every lazily loaded chunk depends only on chunks that are
    // already loaded by the time it is asked for (the start-up one, and `later` after the first view).
    modulePreload: false,
    cssCodeSplit: false,
    rolldownOptions: {
      // The core is pure (no module does anything when imported), so a module that only passes
      // names on (an index.ts) does not drag the modules behind the names nobody uses into a chunk.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/]core[\\/]/.test(id) },
      output: {
        codeSplitting: {
          // Chunks by when they are needed, loaded through src/app/modules.ts and src/ui/lazyViews.ts:
          // everything the entry imports statically is one start-up chunk (instead of a dozen small
          // modulepreloaded pieces that each compress on their own, and cost a request); the knowledge
          // base and everything else shown after the first decoded view come next; the rest is loaded
          // on demand. scripts/check-startup-modules.mjs checks what may not be in the start-up chunk.
          groups: [
            { name: 'startup', tags: ['$initial'], priority: 100 },
            // Everything else shown after the first decoded view: time, Kubernetes, the verification
            // panel, the opened-link banner. Ahead of the on-demand groups, so that what it shares
            // with them (reading a key, say) stays here instead of being pulled into theirs.
            {
              name: 'later',
              test: (id) => /[\\/]src[\\/]/.test(id) && !onDemand(id),
              priority: 90,
              includeDependenciesRecursively: false,
            },
            // The chunks that only ever share code with chunks loaded before them take their own
            // dependencies along; these take only their own modules, and import the rest from the
            // chunks it belongs to, so that asking for them never brings another on-demand chunk.
            ...Object.entries(ON_DEMAND).map(([name, test]) =>
              name === 'shapes' || name === 'sha256'
                ? { name, test, priority: 85, includeDependenciesRecursively: false }
                : { name, test, priority: 80 },
            ),
          ],
        },
      },
    },
  },
})

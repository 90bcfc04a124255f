/**
 * Every React view that is loaded on demand, and the only `lazy()` calls of the page. Each is
 * shown inside a <Deferred> (src/ui/Deferred.tsx), which provides the first-view gate, Suspense
 * and the "couldn't load …, reload" boundary. Non-React code loads through src/app/modules.ts.
 *
 * The claim explanations are a view too, but every row shows one: rather than a Suspense per row,
 * it is loaded like a module (with the knowledge base, in its chunk) and rows use it once it is there.
 *
 * Where each view lands is set in vite.config.ts: the extraction details with the extractor, the
 * share panel with the share-link code, and the rest in the one chunk loaded after the first view.
 */
import { lazy, type ComponentType } from 'react'
import { LoadFailure, loadFailures, ModuleLoader } from '../app/modules.ts'
import type { ClaimExplanationView } from './knowledge/ClaimExplanation.tsx'

/** A lazy view whose failed load is reported (the update notice) and thrown as a LoadFailure. */
function view<P extends object>(what: string, importer: () => Promise<ComponentType<P>>) {
  return lazy(() =>
    importer().then(
      (component) => ({ default: component }),
      (error: unknown) => {
        loadFailures.report(what)
        throw new LoadFailure(what, error)
      },
    ),
  )
}

export const ExtractionPanel = view('the extraction details', () =>
  import('./input/ExtractionPanel.tsx').then((m) => m.ExtractionPanel),
)
export const TimeDetails = view('the validity and timeline', () =>
  import('./time/TimeDetails.tsx').then((m) => m.default),
)
export const NumericDateDetails = view('the date conversions', () =>
  import('./time/NumericDateDetails.tsx').then((m) => m.default),
)
export const Timeline = view('the timeline', () => import('./time/Timeline.tsx').then((m) => m.default))
// The rarer Kubernetes views come with the rarer insights (the k8sExtra chunk).
export const KubernetesBinding = view('the rarer Kubernetes insights', () =>
  import('./k8s/KubernetesBinding.tsx').then((m) => m.KubernetesBinding),
)
export const ReviewComparison = view('the rarer Kubernetes insights', () =>
  import('./k8s/ReviewComparison.tsx').then((m) => m.ReviewComparison),
)
export const KubernetesInsights = view('the Kubernetes insights', () =>
  import('./k8s/KubernetesInsights.tsx').then((m) => m.KubernetesInsights),
)
export const OpenedLinkBanner = view('the opened-link banner', () =>
  import('./share/OpenedLinkBanner.tsx').then((m) => m.default),
)
export const VerifyPanel = view('signature verification', () =>
  import('./verify/VerifyPanel.tsx').then((m) => m.default),
)
export const DisclosuresPanel = view('the disclosures', () =>
  import('./decoded/DisclosuresPanel.tsx').then((m) => m.DisclosuresPanel),
)
export const RowWindow = view('the rest of the claims', () =>
  import('./decoded/RowWindow.tsx').then((m) => m.RowWindow),
)
export const ApiServerVerdict = view("the API server's verdict", () =>
  import('./apiserver/ApiServerVerdict.tsx').then((m) => m.ApiServerVerdict),
)
export const KeyList = view('the key list', () => import('./verify/KeyList.tsx').then((m) => m.KeyList))
export const SharedLinkBanner = view('the shared-link banner', () =>
  import('./share/SharedLinkBanner.tsx').then((m) => m.SharedLinkBanner),
)
export const PartExtra = view('the decoded parts', () => import('./decoded/PartExtra.tsx').then((m) => m.PartExtra))
// A payload that is no claims, and the summary facts of a token that is no Kubernetes one: the jwt chunk.
export const OtherPayload = view('the payload', () => import('./decoded/OtherPayload.tsx').then((m) => m.OtherPayload))
export const KeyboardHabits = view('the keyboard shortcuts', () =>
  import('./decoded/KeyboardHabits.tsx').then((m) => m.KeyboardHabits),
)
export const ExampleMenu = view('the examples', () => import('./input/ExampleMenu.tsx').then((m) => m.ExampleMenu))
export const ShareButton = view('sharing', () => import('./share/ShareButton.tsx').then((m) => m.ShareButton))
export const SummaryFacts = view('the summary', () => import('./summary/SummaryFacts.tsx').then((m) => m.SummaryFacts))
export const JwtSummaryFacts = view('the summary', () =>
  import('./summary/JwtFacts.tsx').then((m) => m.JwtSummaryFacts),
)
export const SharePanel = view('the share panel', () => import('./share/SharePanel.tsx').then((m) => m.default))

/** The explanation under each claim row, loaded with the knowledge base (see useClaimKnowledgeFor). */
export const claimExplanation = new ModuleLoader<ClaimExplanationView>(
  'the claim explanations',
  () => import('./knowledge/ClaimExplanation.tsx').then((m) => m.ClaimExplanation),
  loadFailures,
)
export const CompareView = view('the compare view', () => import('./compare/CompareView.tsx').then((m) => m.default))
export const ComposeView = view('the compose view', () => import('./compose/ComposeView.tsx').then((m) => m.default))
export const DecodeActions = view('the links to other views', () =>
  import('./workbench/DecodeActions.tsx').then((m) => m.DecodeActions),
)
export const Views = view('the views', () => import('./shell/Views.tsx').then((m) => m.Views))

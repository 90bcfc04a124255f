import { lazy, Suspense } from 'react'
import { useAfterFirstView } from '../firstView.ts'
import type { OpenedLink as Opened } from './useOpenedLink.ts'

// Only pages opened from a link need the banner, so it loads on demand.
const OpenedLinkBanner = lazy(() => import('./OpenedLinkBanner.tsx'))

export function OpenedLink({ opened, input }: { opened: Opened | null; input: string }) {
  // The banner follows the opened token's first view, rather than competing with it.
  const ready = useAfterFirstView()
  if (!opened || !ready) return null
  return (
    <Suspense fallback={null}>
      <OpenedLinkBanner opened={opened} input={input} />
    </Suspense>
  )
}

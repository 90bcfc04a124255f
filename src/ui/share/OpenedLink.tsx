import { lazy, Suspense } from 'react'
import type { OpenedLink as Opened } from './useOpenedLink.ts'

// Only pages opened from a link need the banner, so it loads on demand.
const OpenedLinkBanner = lazy(() => import('./OpenedLinkBanner.tsx'))

export function OpenedLink({ opened, input }: { opened: Opened | null; input: string }) {
  if (!opened) return null
  return (
    <Suspense fallback={null}>
      <OpenedLinkBanner opened={opened} input={input} />
    </Suspense>
  )
}

import { MORE_ITEMS } from './useGrowingList.ts'

/** "Showing 100 of 30,000 …. Show 200 more" under a list cut by useGrowingList: a real button, for the keyboard. */
export function ShowMore({
  shown,
  hidden,
  what,
  onMore,
}: {
  shown: number
  hidden: number
  what: string
  onMore: () => void
}) {
  if (hidden <= 0) return null
  return (
    <p className="show-more" data-testid="show-more" data-hidden-count={hidden}>
      {`Showing ${shown.toLocaleString('en')} of ${(shown + hidden).toLocaleString('en')} ${what}. `}
      <button type="button" className="link-button" onClick={onMore}>
        Show {Math.min(hidden, MORE_ITEMS).toLocaleString('en')} more
      </button>
    </p>
  )
}

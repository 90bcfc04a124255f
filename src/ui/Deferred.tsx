import { Component, Suspense, type ReactNode } from 'react'
import { LoadFailure } from '../app/modules.ts'
import { internalError } from '../core/index.ts'
import { useAfterFirstView } from './hooks.ts'

/** Offers the reload that brings back what could not be loaded. */
export function LoadFailed({ what, children }: { what: string; children?: ReactNode }) {
  return (
    <div role="alert" className="load-failed" data-testid="load-failed" data-what={what}>
      {/* Why (most likely a new deployment) is said once, by the update notice. */}
      <p>
        Couldn't load {what}: reload the page to get it. {children}
      </p>
      <button type="button" onClick={() => window.location.reload()}>
        Reload the page
      </button>
    </div>
  )
}

/**
 * A bug: core never throws on input, so reaching this is reported as one (INTERNAL_ERROR, from
 * the registry), in place of the one view that failed.
 */
export function InternalError({ what, error }: { what: string; error: unknown }) {
  const d = internalError(error)
  return (
    <div
      role="alert"
      className={`diagnostic severity-${d.severity}`}
      data-testid="diagnostic"
      data-code={d.code}
      data-severity={d.severity}
    >
      {what === 'this token' ? d.message : d.message.replace('while showing this token', `while showing ${what}`)}
    </div>
  )
}

interface BoundaryProps {
  /** What this view shows, as the page names it: "the time panel", "signature verification". */
  name: string
  /** A new value clears a caught render error (a new token may show fine). */
  resetKey?: unknown
  /** On a failed load, show the fallback instead of the message (the same failure is said elsewhere). */
  quiet?: boolean
  fallback?: ReactNode
  children: ReactNode
}

interface BoundaryState {
  error: unknown
  key: unknown
}

/**
 * Wraps one view: when it fails, that view says so and the rest of the page keeps working. A
 * failed load offers a reload; any other error is a bug, reported as one.
 */
export class ViewBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null, key: undefined }

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error: error ?? new Error('unknown error') }
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null
  }

  override render() {
    const { error } = this.state
    if (!error) return this.props.children
    if (error instanceof LoadFailure)
      return this.props.quiet ? (this.props.fallback ?? null) : <LoadFailed what={error.what} />
    return <InternalError what={this.props.name} error={error} />
  }
}

interface DeferredProps extends BoundaryProps {
  /**
   * What the view waits for: `first-view` (default) until the first decoded view is on screen,
   * `now` nothing (a view loaded on demand, such as the share panel).
   */
  when?: 'first-view' | 'now'
}

/**
 * The one way a lazily loaded view is shown: the first-view gate, Suspense with a fallback, and a
 * boundary that says "couldn't load X, reload" while the rest of the page keeps working.
 */
export function Deferred({ when = 'first-view', fallback = null, children, ...boundary }: DeferredProps) {
  const open = useAfterFirstView() || when === 'now'
  return (
    <ViewBoundary {...boundary} fallback={fallback}>
      {open ? <Suspense fallback={fallback}>{children}</Suspense> : fallback}
    </ViewBoundary>
  )
}

import { Component, type ReactNode } from 'react'
import { internalError } from '../../core/index.ts'

interface Props {
  resetKey: unknown
  children: ReactNode
}

interface State {
  error: Error | null
  key: unknown
}

/** The one safety net: core never throws on input, so reaching this is a bug, reported as one. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: undefined }

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error }
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null
  }

  override render() {
    if (this.state.error) {
      const d = internalError(this.state.error)
      return (
        <div
          role="alert"
          className={`diagnostic severity-${d.severity}`}
          data-testid="diagnostic"
          data-code={d.code}
          data-severity={d.severity}
        >
          {d.message}
        </div>
      )
    }
    return this.props.children
  }
}

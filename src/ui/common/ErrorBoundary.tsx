import { Component, type ReactNode } from 'react'

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
      return (
        <div
          role="alert"
          className="diagnostic severity-error"
          data-testid="diagnostic"
          data-code="INTERNAL_ERROR"
          data-severity="error"
        >
          Something went wrong while showing this token: {this.state.error.message}. This is a bug in JWT Explorer, not
          a problem with your token.
        </div>
      )
    }
    return this.props.children
  }
}

import type { Ref, TextareaHTMLAttributes } from 'react'

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> & {
  value: string
  onChange: (value: string) => void
  ref?: Ref<HTMLTextAreaElement>
}

/**
 * A textarea for tokens and keys: monospace, and with every browser "help" that would corrupt
 * base64 or PEM text turned off (spell check, capitalisation, autocorrect, autocomplete).
 */
export function CodeTextarea({ value, onChange, className, ...rest }: Props) {
  return (
    <textarea
      {...rest}
      className={className ? `code-textarea ${className}` : 'code-textarea'}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      autoCorrect="off"
    />
  )
}

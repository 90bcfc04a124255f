// apimachinery's field.Error, as the API server prints it at start-up: `<path>: <type>: <value>: <detail>`.
import { goQuote } from './go.ts'

export type FieldErrorType =
  | 'Required value'
  | 'Invalid value'
  | 'Duplicate value'
  | 'Forbidden'
  | 'Too many'
  | 'Unsupported value'
  | 'Internal error'

/** One validation error with the field path upstream gives it (e.g. `jwt[0].issuer.url`). */
export interface FieldError {
  field: string
  type: FieldErrorType
  /** The bad value as Go prints it: strings quoted, numbers bare; absent for Required/Forbidden. */
  value?: string
  detail?: string
}

/** `field.Error.Error()`. */
export function fieldErrorMessage(e: FieldError): string {
  let body: string = e.type
  if (e.value !== undefined && e.type !== 'Required value' && e.type !== 'Forbidden') body += `: ${e.value}`
  if (e.detail) body += `: ${e.detail}`
  return `${e.field}: ${body}`
}

export const required = (field: string, detail = ''): FieldError => ({ field, type: 'Required value', detail })
export const invalid = (field: string, value: string, detail: string): FieldError => ({
  field,
  type: 'Invalid value',
  value: goQuote(value),
  detail,
})
export const duplicate = (field: string, value: string): FieldError => ({
  field,
  type: 'Duplicate value',
  value: goQuote(value),
})
export const forbidden = (field: string, detail: string): FieldError => ({ field, type: 'Forbidden', detail })
export const tooMany = (field: string, actual: number, max: number): FieldError => ({
  field,
  type: 'Too many',
  value: String(actual),
  detail: `must have at most ${max} ${max === 1 ? 'item' : 'items'}`,
})

/** `field.ErrorList.ToAggregate().Error()`: one message, or several as `[a, b]` (duplicates dropped). */
export function fieldErrorsMessage(errors: readonly FieldError[]): string {
  const messages = [...new Set(errors.map(fieldErrorMessage))]
  return messages.length === 1 ? messages[0]! : `[${messages.join(', ')}]`
}

/** Joins a field path the way field.Path.String() does (`a.b[0].c`); an empty prefix is dropped. */
export function child(prefix: string, name: string): string {
  return prefix ? `${prefix}.${name}` : name
}

export function index(prefix: string, i: number): string {
  return `${prefix}[${i}]`
}

import { jsonType } from '../analysis/rows.ts'
import type { JsonValue } from '../encoding/json.ts'

/** A JSON value's type, with its article, for messages. */
export function typeName(v: JsonValue): string {
  const t = jsonType(v)
  return t === 'null' ? 'null' : `${t === 'array' || t === 'object' ? 'an' : 'a'} ${t}`
}

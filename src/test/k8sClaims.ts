import type { JWTPayload } from 'jose'
import { readKubernetesClaims, type KubernetesClaims } from '../core/k8s/claims.ts'
import type { JsonObject } from '../core/encoding/json.ts'
import { decodeToken } from '../core/decode/decodeToken.ts'
import { fixture } from './tokens.ts'

/** The Kubernetes claims of a claims object, failing the test when there are none. */
export function k8s(payload: JWTPayload | JsonObject): KubernetesClaims {
  const c = readKubernetesClaims(payload as JsonObject)
  if (!c) throw new Error('not a Kubernetes token')
  return c
}

/** The decoded payload of a public fixture. */
export function fixturePayload(name: string): JsonObject {
  const p = decodeToken(fixture(name).token).payload
  if (p.kind !== 'claims') throw new Error(`${name} has no claims`)
  return p.json.value
}

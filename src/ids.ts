import { monotonicFactory } from 'ulid';

const nextUlid = monotonicFactory();

export const idPrefixes = {
  org: 'org',
  tenant: 'tnt',
  key: 'key',
  domain: 'dom',
  message: 'msg',
  event: 'evt',
  webhookEndpoint: 'whe',
  webhookDelivery: 'whd',
  suppression: 'sup',
  template: 'tpl',
  audience: 'aud',
  contact: 'con',
  testInbox: 'tib',
} as const;

export type IdKind = keyof typeof idPrefixes;

/** Prefixed, time-sortable ids: `tnt_01HN…` sorts by creation time, so cursors can be ids. */
export function newId(kind: IdKind): string {
  return `${idPrefixes[kind]}_${nextUlid().toLowerCase()}`;
}

export function isId(kind: IdKind, value: string): boolean {
  return new RegExp(`^${idPrefixes[kind]}_[0-9a-hjkmnp-tv-z]{26}$`).test(value);
}

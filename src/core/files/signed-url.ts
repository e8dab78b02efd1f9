import type { Ctx, PartnerCtx } from '../context.js';
import { constantTimeEqualHex, keyedHash } from '../crypto.js';
import type { FormCtx } from '../forms/access.js';

export interface FileLink {
  hash: string;
  mime: string;
  filename: string | null;
  /** The document the file is, named in the audit entry of each audited download. */
  documentId?: string | null;
}

/**
 * Who a link was issued to, when each download through it is an audit entry: a manager (the
 * back office) or a key pair (the partner's systems, docs/decisions.md "Audited downloads").
 * Links issued to a client for its own form, or in webhook payloads, carry none.
 */
export interface LinkViewer {
  partnerId: string;
  actor: { kind: 'manager'; managerId: number } | { kind: 'partner'; keyId: string };
}

/** The fields of a link as its route reads them back: what the signature covers. */
export interface SignedLink extends FileLink {
  viewer: LinkViewer | null;
}

/**
 * The viewer a context's links name: its signed-in manager, else its key pair, else the form
 * actor it stands for (a manager or a key pair on the form routes). A client token names none.
 */
export function linkViewerOf(ctx: Ctx): LinkViewer | null {
  const { partnerId, manager, keyId, access } = ctx as Partial<PartnerCtx & FormCtx>;
  const partner = partnerId ?? access?.partnerId;
  if (!partner) return null;
  if (manager) return { partnerId: partner, actor: { kind: 'manager', managerId: manager.id } };
  if (keyId) return { partnerId: partner, actor: { kind: 'partner', keyId } };
  const actor = access?.actor;
  if (actor?.kind === 'manager') return { partnerId: partner, actor };
  if (actor?.kind === 'partner' && actor.keyId) return { partnerId: partner, actor };
  return null;
}

/**
 * A link anyone holding it can download until it expires: an <img> or <a> in the hosted form
 * cannot send an Authorization header. The signature covers the file, its type, its download
 * name, the expiry and, for a manager or a key pair, who the link was issued to: that viewer is
 * named in the audit entry written before each download through it.
 */
export function signedFileUrl(ctx: Ctx, file: FileLink): string {
  const expires = Math.floor(ctx.clock.now() / 1000) + ctx.files.urlTtlSeconds;
  // An empty name is sent as no name (the link omits it), so it is signed as none: signed as
  // '' the download, which reads an absent name as null, could never match.
  const link: SignedLink = { ...file, filename: file.filename || null, documentId: file.documentId ?? null, viewer: linkViewerOf(ctx) };
  const params = new URLSearchParams({ type: file.mime, expires: String(expires) });
  if (link.viewer) {
    params.set('partner', link.viewer.partnerId);
    params.set('viewer', viewerParam(link.viewer));
    if (link.documentId) params.set('document', link.documentId);
  }
  params.set('signature', sign(ctx.pepper, link, expires));
  // The name goes last, so the link ends with the file's extension: iDenfy's SOS report links
  // must end in "json" and "pdf" (SosReportDocument's patterns).
  if (link.filename) params.set('name', link.filename);
  return `${ctx.files.publicUrl}/v1/files/${file.hash}?${params.toString()}`;
}

export function verifyFileSignature(ctx: Ctx, link: SignedLink, expires: number, signature: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(signature) || expires * 1000 < ctx.clock.now()) return false;
  return constantTimeEqualHex(sign(ctx.pepper, link, expires), signature);
}

const viewerParam = (viewer: LinkViewer) => (viewer.actor.kind === 'manager' ? `manager.${viewer.actor.managerId}` : `key.${viewer.actor.keyId}`);

/** A link's `partner` and `viewer` parameters read back; null when absent or malformed (then the signature fails). */
export function parseLinkViewer(partnerId: string | undefined, viewer: string | undefined): LinkViewer | null {
  if (partnerId === undefined || viewer === undefined) return null;
  const manager = /^manager\.(\d{1,15})$/.exec(viewer);
  if (manager) return { partnerId, actor: { kind: 'manager', managerId: Number(manager[1]) } };
  const key = /^key\.([\w-]{1,100})$/.exec(viewer);
  return key ? { partnerId, actor: { kind: 'partner', keyId: key[1]! } } : null;
}

function sign(pepper: string, link: SignedLink, expires: number): string {
  // JSON, not a joined string: a file name may contain any separator. A link without a viewer
  // signs what links signed before viewers existed.
  const base = ['file', link.hash, link.mime, link.filename, expires];
  const named = link.viewer ? [...base, link.viewer.partnerId, viewerParam(link.viewer), link.documentId ?? null] : base;
  return keyedHash(pepper, JSON.stringify(named));
}

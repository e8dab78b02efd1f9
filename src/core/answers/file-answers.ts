import type { Db } from '../../db/database.js';
import type { Ctx } from '../context.js';
import { DomainError } from '../errors.js';
import { decodeUpload, type DecodedUpload } from '../files/decode-upload.js';
import { fileIdFor, findStoredFiles } from '../files/stored-files.js';
import { signedFileUrl } from '../files/signed-url.js';
import { recordFrom } from '../../shared/records.js';
import type { FileInputs, FileRef, StoredSections } from './check-answers.js';
import { answersOf } from './stored-answers.js';

const FILE_LINK = /\/v1\/files\/([0-9a-f]{64})(\?|$)/;

/** The hashes of the files a company's answers to one questionnaire hold. */
export async function answerFileHashes(db: Db, companyId: string, questionnaireId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('answer_files')
    .select('file_hash')
    .where((eb) => eb.and(answersOf(companyId, questionnaireId)))
    .execute();
  return rows.map((row) => row.file_hash);
}

/**
 * FILE answers arrive as data: URLs (new uploads, stored once the answers pass) or as links
 * to files this questionnaire already holds (kept). A link to any other file is refused, so a
 * hash learnt elsewhere cannot attach someone else's file.
 */
export async function fileInputs(db: Db, ctx: Ctx, companyId: string, questionnaireId: string) {
  const owned = await answerFileHashes(db, companyId, questionnaireId);
  const known = await findStoredFiles(db, owned);
  const fileId = await fileIdFor(db, ctx, companyId);
  const uploads: DecodedUpload[] = [];
  const inputs: FileInputs = {
    resolve(value, path, errors) {
      if (typeof value !== 'string') {
        (errors[path] ??= []).push('must be a data: URL of a file, or the link of a file already given');
        return null;
      }
      const link = FILE_LINK.exec(value);
      if (link) {
        const file = known.get(link[1]!);
        if (file) return { $file: file.hash, mime: file.mime };
        (errors[path] ??= []).push('is not a file of this questionnaire');
        return null;
      }
      try {
        const upload = decodeUpload(value, ctx.files.maxUploadBytes, path);
        uploads.push(upload);
        return { $file: fileId(upload.bytes), mime: upload.mime };
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'VALIDATION_ERROR') throw error;
        for (const [field, messages] of Object.entries(error.fields ?? {})) (errors[field] ??= []).push(...messages);
        return null;
      }
    },
  };
  return { inputs, uploads, previous: new Set(owned) };
}

export function isFileRef(value: unknown): value is FileRef {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, '$file');
}

/** Every file hash an answer set refers to. */
export function fileHashes(sections: StoredSections): Set<string> {
  const hashes = new Set<string>();
  for (const questions of Object.values(sections)) {
    for (const { value } of Object.values(questions)) {
      for (const item of Array.isArray(value) ? value : [value]) if (isFileRef(item)) hashes.add(item.$file);
    }
  }
  return hashes;
}

/** Stored answers as the API shows them: file references become signed links. */
export function presentAnswerSections(ctx: Ctx, sections: StoredSections): StoredSections {
  const link = (v: unknown) => (isFileRef(v) ? signedFileUrl(ctx, { hash: v.$file, mime: v.mime, filename: null }) : v);
  return recordFrom(
    Object.entries(sections).map(([s, questions]) => [
      s,
      recordFrom(Object.entries(questions).map(([q, { value }]) => [q, { value: Array.isArray(value) ? value.map(link) : link(value) }])),
    ]),
  );
}

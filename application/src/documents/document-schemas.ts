import { Type, type Static } from 'typebox';
import { GroupIdSchema } from '../accounts/roles.ts';
import {
  DOCUMENT_CLASSIFICATIONS,
  DOCUMENT_KINDS,
  DOCUMENT_ORIGINS,
  DOCUMENT_STATUSES,
  MAX_MARKDOWN_CHARS,
  VERSION_STATUSES,
} from './document-model.ts';

const Localized = Type.Object(
  { en: Type.String({ minLength: 1, maxLength: 300 }), zh: Type.String({ minLength: 1, maxLength: 300 }) },
  { additionalProperties: false },
);
const DateTime = Type.String({ format: 'date-time' });
const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'Lower-case hex sha256.' });

/** A document id: a slug, stable for the document's life. */
export const DocumentIdSchema = Type.String({
  pattern: '^[a-z0-9][a-z0-9-]{1,63}$',
  description: 'Document id (slug).',
});

/** `:id` path parameters. */
export const DocumentParams = Type.Object({ id: DocumentIdSchema }, { additionalProperties: false });

/** `:id/versions/:n` path parameters. */
export const VersionParams = Type.Object(
  { id: DocumentIdSchema, n: Type.Integer({ minimum: 1, maximum: 1_000_000 }) },
  { additionalProperties: false },
);

/** An external document's source. */
export const SourceSchema = Type.Object(
  {
    publisher: Type.String({ minLength: 1, maxLength: 200, description: 'Publisher or owner.' }),
    reference: Type.String({ minLength: 1, maxLength: 1000, description: 'Document number, reference or URL.' }),
    edition: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    receivedOn: Type.Optional(Type.String({ format: 'date', description: 'Date received (YYYY-MM-DD).' })),
  },
  { additionalProperties: false, title: 'DocumentSource', description: 'Give an edition, a date received, or both.' },
);

/** A version's content. */
export const ContentSchema = Type.Union(
  [
    Type.Object(
      { kind: Type.Literal('markdown'), text: Type.String({ minLength: 1, maxLength: MAX_MARKDOWN_CHARS }) },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        kind: Type.Literal('reference'),
        location: Type.String({ minLength: 1, maxLength: 2000, description: 'Where the file is kept (URL or path).' }),
        sha256: Type.Union([Sha256, Type.Null()], { description: 'sha256 of the referenced file, when known.' }),
      },
      { additionalProperties: false },
    ),
  ],
  { title: 'DocumentContent' },
);

const ChangeSummary = Type.String({ minLength: 1, maxLength: 2000 });

/** The body of a new version. */
export const NewVersionBody = Type.Object(
  {
    content: ContentSchema,
    changeSummary: ChangeSummary,
    source: Type.Optional(SourceSchema),
  },
  { additionalProperties: false },
);
export type NewVersionBody = Static<typeof NewVersionBody>;

/** The body that registers a document (optionally with its first version). */
export const NewDocumentBody = Type.Object(
  {
    id: DocumentIdSchema,
    title: Localized,
    kind: Type.Enum(DOCUMENT_KINDS),
    origin: Type.Enum(DOCUMENT_ORIGINS),
    source: Type.Optional(SourceSchema),
    classification: Type.Enum(DOCUMENT_CLASSIFICATIONS),
    ownerGroup: GroupIdSchema,
    firstVersion: Type.Optional(
      Type.Object({ content: ContentSchema, changeSummary: ChangeSummary }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);
export type NewDocumentBody = Static<typeof NewDocumentBody>;

/** The body of a withdrawal. */
export const WithdrawBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);

/** The query of the register list. */
export const DocumentListQuery = Type.Object(
  {
    origin: Type.Optional(Type.Enum(DOCUMENT_ORIGINS)),
    kind: Type.Optional(Type.Enum(DOCUMENT_KINDS)),
    status: Type.Optional(Type.Enum(DOCUMENT_STATUSES)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    after: Type.Optional(DocumentIdSchema),
  },
  { additionalProperties: false },
);

/** Optional `If-Match` with the newest version number the caller saw (`"0"` before the first). */
export const VersionIfMatchHeaders = Type.Object({
  'if-match': Type.Optional(
    Type.String({ maxLength: 40, description: 'The newest version number the caller saw; a stale one answers 412.' }),
  ),
});

const NullableSource = Type.Union([SourceSchema, Type.Null()]);

/** One version as the API shows it. */
export const VersionViewSchema = Type.Object(
  {
    n: Type.Integer(),
    status: Type.Enum(VERSION_STATUSES),
    content: ContentSchema,
    contentSha256: Type.Union([Type.String(), Type.Null()]),
    changeSummary: Type.String(),
    source: NullableSource,
    author: Type.String(),
    createdAt: DateTime,
    approvedBy: Type.Union([Type.String(), Type.Null()]),
    approvedAt: Type.Union([DateTime, Type.Null()]),
  },
  { additionalProperties: false, title: 'DocumentVersion' },
);
export type VersionView = Static<typeof VersionViewSchema>;

/** One history line: a version without its content. */
export const HistoryEntrySchema = Type.Object(
  {
    n: Type.Integer(),
    status: Type.Enum(VERSION_STATUSES),
    contentKind: Type.Union([Type.Literal('markdown'), Type.Literal('reference')]),
    contentSha256: Type.Union([Type.String(), Type.Null()]),
    changeSummary: Type.String(),
    author: Type.String(),
    createdAt: DateTime,
    approvedBy: Type.Union([Type.String(), Type.Null()]),
    approvedAt: Type.Union([DateTime, Type.Null()]),
  },
  { additionalProperties: false, title: 'DocumentHistoryEntry' },
);
export type HistoryEntry = Static<typeof HistoryEntrySchema>;

const summaryFields = {
  id: Type.String(),
  title: Type.Object({ en: Type.String(), zh: Type.String() }, { additionalProperties: false }),
  kind: Type.Enum(DOCUMENT_KINDS),
  origin: Type.Enum(DOCUMENT_ORIGINS),
  source: NullableSource,
  classification: Type.Enum(DOCUMENT_CLASSIFICATIONS),
  ownerGroup: Type.String(),
  status: Type.Enum(DOCUMENT_STATUSES),
  currentVersion: Type.Union([Type.Integer(), Type.Null()]),
  withdrawn: Type.Union([
    Type.Object({ at: DateTime, by: Type.String(), reason: Type.String() }, { additionalProperties: false }),
    Type.Null(),
  ]),
  createdAt: DateTime,
  createdBy: Type.String(),
  canEdit: Type.Boolean({ description: 'May the caller add versions, approve others’ versions and withdraw?' }),
};

/** A register entry in lists. */
export const DocumentSummarySchema = Type.Object(summaryFields, {
  additionalProperties: false,
  title: 'DocumentSummary',
});
export type DocumentSummary = Static<typeof DocumentSummarySchema>;

/** A document with its approved current version, and for editors the newest version. */
export const DocumentViewSchema = Type.Object(
  {
    ...summaryFields,
    current: Type.Union([VersionViewSchema, Type.Null()], { description: 'The approved current version.' }),
    latestVersion: Type.Union([Type.Integer(), Type.Null()], {
      description: 'The newest version number (editors only; null for readers).',
    }),
  },
  { additionalProperties: false, title: 'Document' },
);
export type DocumentView = Static<typeof DocumentViewSchema>;

/** A page of the register. */
export const DocumentPageSchema = Type.Object(
  { items: Type.Array(DocumentSummarySchema), nextCursor: Type.Union([Type.String(), Type.Null()]) },
  { additionalProperties: false, title: 'DocumentPage' },
);

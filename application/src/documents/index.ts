export * from './document-access.ts';
export * from './document-model.ts';
export * from './document-register.ts';
export * from './document-rules.ts';
export * from './document-schemas.ts';
export * from './document-store.ts';
export * from './document-views.ts';

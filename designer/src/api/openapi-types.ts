// Generated from the server's /openapi.json by `pnpm --filter @clauseflow/designer gen:api`.
// Do not edit: scripts/api-types.test.ts fails when this file no longer matches the server.

type NoParameters = { query?: never; header?: never; path?: never; cookie?: never };
type Problems<S extends number> = {
  [K in S]: components['responses'][Extract<`Problem${K}`, keyof components['responses']>];
};

export interface paths {
  '/api/api-tokens': {
    parameters: NoParameters;
    /** List API tokens (never their secrets) */
    get: {
      parameters: NoParameters;
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ApiToken'][];
            };
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    /** Create an API token; the secret is in this response only */
    post: {
      parameters: NoParameters;
      requestBody: {
        content: {
          'application/json': {
            /** Format: date-time */
            expiresAt?: string;
            name: string;
            /** @description Defaults to the caller. */
            userId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              secret: string;
              token: components['schemas']['ApiToken'];
            };
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/api-tokens/{id}': {
    parameters: NoParameters;
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an API token */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Revoked */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/catalogue': {
    parameters: NoParameters;
    /** The templates of every pack version in use */
    get: {
      parameters: NoParameters;
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['CatalogueTemplate'][];
            };
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/catalogue/{pack}/{key}/tailor': {
    parameters: NoParameters;
    get?: never;
    put?: never;
    /** Tailor a template: a new process owned by the caller, with a draft derived from the template */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Process key. */
          key: string;
          pack: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Process key. */
            key: string;
            title?: {
              en: string;
              zh: string;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              draft: components['schemas']['DefinitionDraft'];
              process: components['schemas']['Process'];
            };
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/disposals': {
    parameters: NoParameters;
    /** Disposal records, newest first (admin: all; process owner: their processes) */
    get: {
      parameters: {
        query?: {
          /** @description From the previous page. */
          cursor?: string;
          limit?: number;
          /** @description Process key. */
          process?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Disposal'][];
              nextCursor: string | null;
            };
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/disposals/{id}': {
    parameters: NoParameters;
    /** One disposal record (admin, owner of its process) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Disposal'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/documents': {
    parameters: NoParameters;
    /** List the register: the documents the caller may see, filtered, a page at a time */
    get: {
      parameters: {
        query?: {
          /** @description Document id (slug). */
          after?: string;
          kind?: 'policy' | 'plan' | 'procedure' | 'manual' | 'contract' | 'regulation' | 'standard' | 'other';
          limit?: number;
          origin?: 'internal' | 'external';
          status?: 'draft' | 'approved' | 'withdrawn';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DocumentPage'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    /** Register a controlled document (external ones with their source), optionally with its first version */
    post: {
      parameters: NoParameters;
      requestBody: {
        content: {
          'application/json': {
            /** @enum {unknown} */
            classification: 'public' | 'internal' | 'restricted';
            firstVersion?: {
              changeSummary: string;
              /** DocumentContent */
              content:
                | {
                    /** @enum {string} */
                    kind: 'markdown';
                    text: string;
                  }
                | {
                    /** @enum {string} */
                    kind: 'reference';
                    /** @description Where the file is kept (URL or path). */
                    location: string;
                    /** @description sha256 of the referenced file, when known. */
                    sha256: string | null;
                  };
            };
            /** @description Document id (slug). */
            id: string;
            /** @enum {unknown} */
            kind: 'policy' | 'plan' | 'procedure' | 'manual' | 'contract' | 'regulation' | 'standard' | 'other';
            /** @enum {unknown} */
            origin: 'internal' | 'external';
            ownerGroup: string;
            source?: components['schemas']['DocumentSource'];
            title: {
              en: string;
              zh: string;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Document'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 429 | 500>;
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/documents/{id}': {
    parameters: NoParameters;
    /** Fetch a document with its approved current version */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Document id (slug). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Document'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/documents/{id}/history': {
    parameters: NoParameters;
    /** The versions with who wrote and approved each, and when (readers: approved versions only) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Document id (slug). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['DocumentHistoryEntry'][];
            };
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/documents/{id}/versions': {
    parameters: NoParameters;
    get?: never;
    put?: never;
    /** Add a draft version (immutable once written); If-Match names the newest version seen */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description The newest version number the caller saw; a stale one answers 412. */
          'if-match'?: string;
        };
        path: {
          /** @description Document id (slug). */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            changeSummary: string;
            /** DocumentContent */
            content:
              | {
                  /** @enum {string} */
                  kind: 'markdown';
                  text: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'reference';
                  /** @description Where the file is kept (URL or path). */
                  location: string;
                  /** @description sha256 of the referenced file, when known. */
                  sha256: string | null;
                };
            source?: components['schemas']['DocumentSource'];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DocumentVersion'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 429 | 500>;
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/documents/{id}/versions/{n}': {
    parameters: NoParameters;
    /** Fetch one version (readers: the approved current version only) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Document id (slug). */
          id: string;
          n: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DocumentVersion'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/documents/{id}/versions/{n}/approve': {
    parameters: NoParameters;
    get?: never;
    put?: never;
    /** Approve a draft version (not one’s own): it becomes current and supersedes the previous one */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Document id (slug). */
          id: string;
          n: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Document'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/documents/{id}/withdraw': {
    parameters: NoParameters;
    get?: never;
    put?: never;
    /** Withdraw an obsolete document: it stays in the register with its history, hidden from readers */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Document id (slug). */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Document'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups': {
    parameters: NoParameters;
    /** List groups with their members */
    get: {
      parameters: NoParameters;
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Group'][];
            };
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    /** Create a group */
    post: {
      parameters: NoParameters;
      requestBody: {
        content: {
          'application/json': {
            id: string;
            name: {
              en: string;
              zh: string;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Group'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups/{id}': {
    parameters: NoParameters;
    /** Fetch a group */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Group'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups/{id}/members': {
    parameters: NoParameters;
    get?: never;
    /** Set the members of a group */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            members: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Group'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/packs/{name}/upgrades': {
    parameters: NoParameters;
    /** Three-way comparison of every tailored copy with the pack version in use */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          name: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              activeVersion: string | null;
              copies: components['schemas']['CopyUpgrade'][];
              pack: string;
            };
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/packs/{name}/upgrades/{copyKey}/apply': {
    parameters: NoParameters;
    get?: never;
    put?: never;
    /** Save a tailored copy merged with the new template as a new draft revision (409 on conflicts) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Process key. */
          copyKey: string;
          name: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              draft: components['schemas']['DefinitionDraft'];
              upgrade: components['schemas']['CopyUpgrade'];
            };
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/packs/import': {
    parameters: NoParameters;
    get?: never;
    put?: never;
    /** Verify a template pack, then dry-run (default) or import it */
    post: {
      parameters: {
        query?: {
          dryRun?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      /** @description The pack file (clauseflow-pack/1). */
      requestBody: {
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The version in use now. */
              activeVersion: string | null;
              dryRun: boolean;
              plan: components['schemas']['PackImportPlan'];
              progress: {
                done: number;
                step: string;
                total: number;
              }[];
            };
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 429 | 500>;
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/portal/catalogue': {
    parameters: NoParameters;
    /** The service catalogue for the caller, in their language or `locale` */
    get: {
      parameters: {
        query?: {
          locale?: 'en' | 'zh';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ServiceCatalogue'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/processes': {
    parameters: NoParameters;
    /** List the processes the caller has a role in */
    get: {
      parameters: NoParameters;
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Process'][];
            };
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    /** Create a process and name its owners (admin) */
    post: {
      parameters: NoParameters;
      requestBody: {
        content: {
          'application/json': {
            audience?: components['schemas']['ProcessAudience'];
            grants?: {
              groups: string[];
              role: string;
              users: string[];
            }[];
            /** @description Process key. */
            key: string;
            owners: string[];
            title: {
              en: string;
              zh: string;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Process'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/processes/{key}': {
    parameters: NoParameters;
    /** Fetch a process */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Process key. */
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Process'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a process: grants and portal audience (owners, admin); title and owners (admin) */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description The ETag from the last read; a stale one answers 412. */
          'if-match'?: string;
        };
        path: {
          /** @description Process key. */
          key: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            audience?: components['schemas']['ProcessAudience'];
            grants?: {
              groups: string[];
              role: string;
              users: string[];
            }[];
            owners?: string[];
            title?: {
              en: string;
              zh: string;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Process'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    trace?: never;
  };
  '/api/processes/{key}/diff': {
    parameters: NoParameters;
    /** Structured diff of two published versions (states, transitions, rules, forms, …) */
    get: {
      parameters: {
        query: {
          from: number;
          to: number;
        };
        header?: never;
        path: {
          /** @description Process key. */
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DefinitionDiff'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/processes/{key}/disposal-candidates': {
    parameters: NoParameters;
    /** Closed records whose retention has elapsed, oldest first (admin, process owner) */
    get: {
      parameters: {
        query?: {
          /** @description From the previous page. */
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          /** @description Process key. */
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['DisposalCandidate'][];
              nextCursor: string | null;
              policy: components['schemas']['RetentionPolicy'] | null;
            };
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/processes/{key}/draft': {
    parameters: NoParameters;
    /** Fetch the latest draft revision with its issues (editors) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Process key. */
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DefinitionDraft'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    /** Save a new draft revision (If-Match: the revision it replaces; "0" for the first) */
    put: {
      parameters: {
        query?: never;
        header?: {
          /** @description The ETag from the last read; a stale one answers 412. */
          'if-match'?: string;
        };
        path: {
          /** @description Process key. */
          key: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description A ClauseFlow process definition (see the definition JSON Schema). */
            definition: {
              [key: string]: unknown;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DefinitionDraft'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/processes/{key}/draft/validate': {
    parameters: NoParameters;
    get?: never;
    put?: never;
    /** Validate the latest draft and check its conformance */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Process key. */
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Null while the draft does not have the definition shape. */
              conformance: components['schemas']['ConformanceSummary'] | null;
              issues: components['schemas']['DefinitionIssue'][];
              rev: number;
              valid: boolean;
            };
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/processes/{key}/evidence': {
    parameters: NoParameters;
    /**
     * Export the process’s evidence pack for a period (admin, process owner)
     * @description NDJSON, one object per line: `manifest`; a `definition` per published version (canonical text, sha256, conformance verdicts); a `record` per record created in the period (event log, hash-chain verification, work notes); a `disposal` per disposal record of the period; `end` with the counts and the SHA-256 of every byte before it.
     */
    get: {
      parameters: {
        query?: {
          /** @description Start of the period (inclusive); default: the beginning. */
          from?: string;
          /** @description End of the period (exclusive); default: now. */
          to?: string;
        };
        header?: never;
        path: {
          /** @description Process key. */
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The evidence pack (a download). */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/x-ndjson': string;
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/processes/{key}/import': {
    parameters: NoParameters;
    get?: never;
    put?: never;
    /** Import a definition JSON file as a new draft revision (refused when it has errors) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description The ETag from the last read; a stale one answers 412. */
          'if-match'?: string;
        };
        path: {
          /** @description Process key. */
          key: string;
        };
        cookie?: never;
      };
      /** @description A ClauseFlow process definition (see the definition JSON Schema). */
      requestBody: {
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DefinitionDraft'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 429 | 500>;
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/processes/{key}/publish': {
    parameters: NoParameters;
    get?: never;
    put?: never;
    /** Publish the latest draft as the next immutable version (refused on errors or failed claims) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description The ETag from the last read; a stale one answers 412. */
          'if-match'?: string;
        };
        path: {
          /** @description Process key. */
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              conformance: components['schemas']['ConformanceSummary'];
              version: components['schemas']['DefinitionVersionMeta'];
            };
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 429 | 500>;
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/processes/{key}/records': {
    parameters: NoParameters;
    get?: never;
    put?: never;
    /** Start a record of a process with the requester’s form data */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Replaying the same key returns the same response. */
          'idempotency-key'?: string;
          /** @description The `ETag` (`"<seq>"`) last seen; another change in between answers 412. */
          'if-match'?: string;
        };
        path: {
          /** @description Process key. */
          key: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Form data. */
            data: {
              [key: string]: unknown;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RecordChange'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 429 | 500>;
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/processes/{key}/records/lookup': {
    parameters: NoParameters;
    /**
     * Find records of a process to reference, by text in their title
     * @description Records of the process the caller may see whose title contains `q` (case-insensitive; taken literally, never as a pattern or an operator), most recently changed first.
     */
    get: {
      parameters: {
        query?: {
          /** @description At most this many (default 20). */
          limit?: number;
          /** @description Text in the title (case-insensitive, literal). */
          q?: string;
        };
        header?: never;
        path: {
          /** @description Process key. */
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RecordLookupPage'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/processes/{key}/reports/service': {
    parameters: NoParameters;
    /** Service report of a process: each measure as a time series with its trend (JSON or CSV) */
    get: {
      parameters: {
        query?: {
          /** @description json (default) or csv: one row per bucket, one column per measure. */
          format?: 'json' | 'csv';
          /** @description First day of the period (YYYY-MM-DD in `tz`, included; widened back to the start of its interval). Default: 11 intervals before `to`. */
          from?: string;
          /** @description Bucket size: local days, ISO weeks (Monday first) or calendar months (default week; at most 400 buckets). */
          interval?: 'day' | 'week' | 'month';
          /** @description Language of the CSV header (default: the caller’s language). */
          locale?: 'en' | 'zh';
          /** @description Last day of the period (YYYY-MM-DD in `tz`, included; widened to the end of its interval). Default: today. */
          to?: string;
          /** @description IANA time zone the buckets are cut in (default UTC). */
          tz?: string;
        };
        header?: never;
        path: {
          /** @description Process key. */
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The report. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ServiceReport'];
            'text/csv': string;
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/processes/{key}/retention': {
    parameters: NoParameters;
    /** The retention policy of a process’s records */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Process key. */
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProcessRetention'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    /**
     * Set the retention policy of a process’s records (admin, process owner)
     * @description The period is an ISO 8601 duration (`P7Y`, `P18M`, `P90D`), counted from the record’s closure or creation. A period that is not a positive duration of at most 200 years answers 400 with a JSON Pointer to `/period`.
     */
    put: {
      parameters: {
        query?: never;
        header?: {
          /** @description The ETag from the last read; a stale one answers 412. */
          'if-match'?: string;
        };
        path: {
          /** @description Process key. */
          key: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description `closed`: from the record reaching a final state; `created`: from its creation.
             * @enum {unknown}
             */
            from: 'closed' | 'created';
            /** @description ISO 8601 duration, e.g. `P7Y`, `P18M`, `P90D`. */
            period: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProcessRetention'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    post?: never;
    /** Remove the retention policy: the process’s records are kept indefinitely (admin, process owner) */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description The ETag from the last read; a stale one answers 412. */
          'if-match'?: string;
        };
        path: {
          /** @description Process key. */
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProcessRetention'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/processes/{key}/retire': {
    parameters: NoParameters;
    get?: never;
    put?: never;
    /** Retire a process: no new records start; its versions stay readable */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Process key. */
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Process'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/processes/{key}/versions': {
    parameters: NoParameters;
    /** List published versions, newest first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Process key. */
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['DefinitionVersionMeta'][];
            };
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/processes/{key}/versions/{version}': {
    parameters: NoParameters;
    /** Fetch a published version */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Process key. */
          key: string;
          version: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DefinitionVersion'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/processes/{key}/versions/{version}/export': {
    parameters: NoParameters;
    /** Download a published version as a JSON file */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Process key. */
          key: string;
          version: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A ClauseFlow process definition (see the definition JSON Schema). */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              [key: string]: unknown;
            };
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/records': {
    parameters: NoParameters;
    /** List the records the caller may see, filtered, sorted, a page at a time */
    get: {
      parameters: {
        query?: {
          /** @description A user id, or `me`. */
          assignee?: string;
          clock?: 'breached' | 'at-risk';
          /** @description From `nextCursor` of the previous page. */
          cursor?: string;
          limit?: number;
          /** @description Only records I raised. */
          mine?: boolean;
          process?: string;
          /** @description Text in the title. */
          q?: string;
          /** @description At-risk window (default 60). */
          riskMinutes?: number;
          sort?: 'updatedAt' | 'createdAt' | 'breachAt';
          state?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RecordPage'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/records/{id}': {
    parameters: NoParameters;
    /** Fetch a record with the actions the caller may take now (and their forms) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Record'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/records/{id}/audit': {
    parameters: NoParameters;
    /** Verify the record’s hash-chained event log */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RecordAudit'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/records/{id}/disposal': {
    parameters: NoParameters;
    get?: never;
    put?: never;
    /**
     * Dispose of a closed record whose retention has elapsed (admin, process owner)
     * @description Writes a disposal record (who, when, why, the record’s process, title, log length and final hash, the policy applied), then removes the record’s data, event log, notes, timers and notifications. 201 with the disposal record; a repeated request answers 200 with the first disposal record and finishes a removal a crash left unfinished. 409 RECORD_NOT_CLOSED or RETENTION_NOT_ELAPSED when the record may not be disposed of yet.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Why the record is disposed of (kept in the disposal record). */
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Disposal'];
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Disposal'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/records/{id}/events': {
    parameters: NoParameters;
    get?: never;
    put?: never;
    /**
     * Send an event (take an action) to a record
     * @description With `Idempotency-Key`, a replay returns the recorded response and changes nothing. With `If-Match: "<seq>"`, a record changed since answers 412. The answer carries the new seq as `ETag`.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Replaying the same key returns the same response. */
          'idempotency-key'?: string;
          /** @description The `ETag` (`"<seq>"`) last seen; another change in between answers 412. */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            comment?: string;
            /** @description Form data. */
            data?: {
              [key: string]: unknown;
            };
            type: string;
            vote?: 'approve' | 'reject';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RecordChange'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 429 | 500>;
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/records/{id}/history': {
    parameters: NoParameters;
    /** The record’s events with who, when, what changed and why (rule traces) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['RecordHistoryEntry'][];
            };
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/records/{id}/notes': {
    parameters: NoParameters;
    /** The record’s work notes (people’s and the process’s) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['WorkNote'][];
            };
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    /** Add a work note to a record */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Replaying the same key returns the same response. */
          'idempotency-key'?: string;
          /** @description The `ETag` (`"<seq>"`) last seen; another change in between answers 412. */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            text: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WorkNote'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/records/{id}/referenced-by': {
    parameters: NoParameters;
    /** Records the caller may see that reference this record through a record-reference field */
    get: {
      parameters: {
        query?: {
          /** @description At most this many (default 50). */
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ReferencingRecords'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/records/stream': {
    parameters: NoParameters;
    /** Live changes to the records the caller may see (Server-Sent Events) */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description Resume after this change. */
          'last-event-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description An event stream: `event: record` with the record summary as JSON data. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/event-stream': string;
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/session': {
    parameters: NoParameters;
    /** The signed-in caller */
    get: {
      parameters: NoParameters;
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Send it in x-csrf-token on cookie-authenticated writes. */
              csrfToken?: string;
              /** Format: date-time */
              expiresAt?: string;
              user: components['schemas']['User'];
              via: 'session' | 'token';
            };
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    /**
     * Sign in
     * @description Unknown user, wrong password and disabled account all answer the same 401. Password checks are counted per account and address (CLAUSEFLOW_SIGN_IN_LIMIT a minute, atomically): beyond that the pair is locked until the window ends (429 with Retry-After), while other accounts from the same address still sign in.
     */
    post: {
      parameters: NoParameters;
      requestBody: {
        content: {
          'application/json': {
            password: string;
            username: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Send it in x-csrf-token on cookie-authenticated writes. */
              csrfToken?: string;
              /** Format: date-time */
              expiresAt?: string;
              user: components['schemas']['User'];
              via: 'session' | 'token';
            };
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    /** Sign out */
    delete: {
      parameters: NoParameters;
      requestBody?: never;
      responses: {
        /** @description Signed out */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    options?: never;
    head?: never;
    /**
     * Change my own name, language or password
     * @description Any signed-in user may change these on their own account. A new password needs the current one and ends every other session of the account (this one gets a new cookie).
     */
    patch: {
      parameters: NoParameters;
      /** @description A new `password` needs the `currentPassword`. */
      requestBody: {
        content: {
          'application/json': {
            currentPassword?: string;
            displayName?: string;
            /** @enum {unknown} */
            locale?: 'en' | 'zh';
            password?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Send it in x-csrf-token on cookie-authenticated writes. */
              csrfToken?: string;
              /** Format: date-time */
              expiresAt?: string;
              user: components['schemas']['User'];
              via: 'session' | 'token';
            };
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    trace?: never;
  };
  '/api/setup': {
    parameters: NoParameters;
    get?: never;
    put?: never;
    /** First run: create the first admin with the one-time setup token */
    post: {
      parameters: NoParameters;
      requestBody: {
        content: {
          'application/json': {
            displayName: string;
            /** @enum {unknown} */
            locale?: 'en' | 'zh';
            password: string;
            token: string;
            username: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['User'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users': {
    parameters: NoParameters;
    /** List users */
    get: {
      parameters: NoParameters;
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['User'][];
            };
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    /** Create a user */
    post: {
      parameters: NoParameters;
      requestBody: {
        content: {
          'application/json': {
            displayName: string;
            groups?: string[];
            /** @enum {unknown} */
            locale?: 'en' | 'zh';
            password: string;
            roles: ('admin' | 'process-owner' | 'agent' | 'requester')[];
            username: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['User'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}': {
    parameters: NoParameters;
    /** Fetch a user */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['User'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a user’s name, password, roles, groups, locale or disabled flag */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description The ETag from GET; a stale one answers 412. */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            disabled?: boolean;
            displayName?: string;
            groups?: string[];
            /** @enum {unknown} */
            locale?: 'en' | 'zh';
            password?: string;
            roles?: ('admin' | 'process-owner' | 'agent' | 'requester')[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['User'];
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    trace?: never;
  };
  '/health': {
    parameters: NoParameters;
    get: {
      parameters: NoParameters;
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              db: {
                error?: string;
                latencyMs: number;
                ok: boolean;
              };
              /** @enum {string} */
              status: 'ok' | 'degraded';
            };
          };
        };
        400: components['responses']['Problem400'];
        401: components['responses']['Problem401'];
        403: components['responses']['Problem403'];
        404: components['responses']['Problem404'];
        409: components['responses']['Problem409'];
        412: components['responses']['Problem412'];
        413: components['responses']['Problem413'];
        415: components['responses']['Problem415'];
        429: components['responses']['Problem429'];
        500: components['responses']['Problem500'];
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              db: {
                error?: string;
                latencyMs: number;
                ok: boolean;
              };
              /** @enum {string} */
              status: 'ok' | 'degraded';
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics': {
    parameters: NoParameters;
    /** Prometheus metrics (the metrics token as a bearer, or a signed-in admin) */
    get: {
      parameters: NoParameters;
      requestBody?: never;
      responses: {
        /** @description Prometheus text format */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/plain': string;
          };
        };
      } & Problems<400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500>;
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ready': {
    parameters: NoParameters;
    /** Readiness */
    get: {
      parameters: NoParameters;
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail?: string;
              status: 'ready' | 'unavailable';
            };
          };
        };
        400: components['responses']['Problem400'];
        401: components['responses']['Problem401'];
        403: components['responses']['Problem403'];
        404: components['responses']['Problem404'];
        409: components['responses']['Problem409'];
        412: components['responses']['Problem412'];
        413: components['responses']['Problem413'];
        415: components['responses']['Problem415'];
        429: components['responses']['Problem429'];
        500: components['responses']['Problem500'];
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail?: string;
              status: 'ready' | 'unavailable';
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** ApiToken */
    ApiToken: {
      /** Format: date-time */
      createdAt: string;
      createdBy: string;
      expiresAt: string | null;
      id: string;
      name: string;
      revokedAt: string | null;
      /** @description The user the token acts as. */
      userId: string;
    };
    /** CatalogueEntry */
    CatalogueEntry: {
      description: string | null;
      /** @description The process key. */
      key: string;
      /** @description The id of the form that starts a request. */
      startForm: string | null;
      /** @description POST here with the form data to start a request. */
      startUrl: string;
      title: string;
      /** @description The published version a new request starts on. */
      version: number;
    };
    /** CatalogueTemplate */
    CatalogueTemplate: {
      claims: string[];
      key: string;
      pack: string;
      packVersion: string;
      sha256: string;
      title: {
        en: string;
        zh: string;
      };
      version: number;
    };
    /** ConformanceProblem */
    ConformanceProblem: {
      code: string;
      message: {
        en: string;
        zh: string;
      };
      /** @description JSON Pointer into the definition where the fix belongs. */
      path: string;
      requirement: string;
    };
    /** ConformanceSummary */
    ConformanceSummary: {
      ok: boolean;
      problems: components['schemas']['ConformanceProblem'][];
      requirementSet: {
        id: string;
        version: string;
      };
      summary: {
        [key: string]: number;
      };
    };
    /** CopyUpgrade */
    CopyUpgrade: {
      applied: {
        id: string;
        kind: string;
        scope: string;
      }[];
      conflicts: {
        base?: unknown;
        copy?: unknown;
        id: string;
        /** @description JSON Pointer-like location: /{scope}/{id}. */
        path: string;
        scope: string;
        template?: unknown;
      }[];
      /** @description Conformance of the merged definition (null when there is none). */
      conformance: components['schemas']['ConformanceSummary'] | null;
      copy: string;
      fromVersion?: number;
      reason?: string;
      source: 'draft' | 'published';
      status: 'up-to-date' | 'clean' | 'conflicts' | 'template-missing';
      template: string;
      toVersion?: number;
    };
    /** DefinitionDiff */
    DefinitionDiff: {
      /** @description roles, states, transitions, decisions, ruleSets, forms, clocks, calendars, fields */
      collections: {
        [key: string]: {
          added: string[];
          changed: {
            changes: {
              after?: unknown;
              before?: unknown;
              path: string;
            }[];
            id: string;
          }[];
          removed: string[];
        };
      };
      from: number;
      identical: boolean;
      key: string;
      meta: {
        after?: unknown;
        before?: unknown;
        path: string;
      }[];
      to: number;
    };
    /** DefinitionDraft */
    DefinitionDraft: {
      /** @description The draft as saved (it may still have issues). */
      definition: unknown;
      issues: components['schemas']['DefinitionIssue'][];
      key: string;
      /** @description Send it back as `If-Match: "rev"` to save over exactly this revision. */
      rev: number;
      /** Format: date-time */
      savedAt: string;
      savedBy: string;
      valid: boolean;
    };
    /** DefinitionIssue */
    DefinitionIssue: {
      code: string;
      message: string;
      params: {
        [key: string]: unknown;
      };
      /** @description JSON Pointer into the definition. */
      path: string;
      severity: 'error' | 'warning' | 'info';
    };
    /** DefinitionVersion */
    DefinitionVersion: {
      /** @description A ClauseFlow process definition (see the definition JSON Schema). */
      definition: {
        [key: string]: unknown;
      };
      key: string;
      /** Format: date-time */
      publishedAt: string;
      publishedBy: string;
      sha256: string;
      tags: string[];
      title: {
        en: string;
        zh: string;
      };
      version: number;
    };
    /** DefinitionVersionMeta */
    DefinitionVersionMeta: {
      key: string;
      /** Format: date-time */
      publishedAt: string;
      publishedBy: string;
      sha256: string;
      tags: string[];
      title: {
        en: string;
        zh: string;
      };
      version: number;
    };
    /** Disposal */
    Disposal: {
      authorizedBy: {
        displayName: string;
        id: string;
        username: string;
      };
      chain: {
        brokenAt?: number;
        /** @description Did the log’s hash chain verify at disposal? */
        ok: boolean;
        reason?: string;
      };
      /** Format: date-time */
      closedAt: string;
      /** @description When the record’s data was removed; null while that is unfinished. */
      completedAt: string | null;
      /** Format: date-time */
      disposedAt: string;
      /** @description Events in the record’s log when it was disposed of. */
      eventCount: number;
      /** @description Hash of the log’s last event. */
      finalHash: string | null;
      finalState: string;
      /** @description The retention policy applied. */
      policy: {
        /** @enum {unknown} */
        from: 'closed' | 'created';
        period: string;
        /** Format: date-time */
        setAt: string;
        setBy: string;
      };
      processKey: string;
      processVersion: number;
      reason: string;
      /** Format: date-time */
      recordCreatedAt: string;
      recordId: string;
      /** Format: date-time */
      retainUntil: string;
      title: string;
    };
    /** DisposalCandidate */
    DisposalCandidate: {
      /** Format: date-time */
      closedAt: string;
      /** Format: date-time */
      createdAt: string;
      id: string;
      processVersion: number;
      /** Format: date-time */
      retainUntil: string;
      state: string;
      title: string;
    };
    /** Document */
    Document: {
      /** @description May the caller add versions, approve others’ versions and withdraw? */
      canEdit: boolean;
      /** @enum {unknown} */
      classification: 'public' | 'internal' | 'restricted';
      /** Format: date-time */
      createdAt: string;
      createdBy: string;
      /** @description The approved current version. */
      current: components['schemas']['DocumentVersion'] | null;
      currentVersion: number | null;
      id: string;
      /** @enum {unknown} */
      kind: 'policy' | 'plan' | 'procedure' | 'manual' | 'contract' | 'regulation' | 'standard' | 'other';
      /** @description The newest version number (editors only; null for readers). */
      latestVersion: number | null;
      /** @enum {unknown} */
      origin: 'internal' | 'external';
      ownerGroup: string;
      source: components['schemas']['DocumentSource'] | null;
      /** @enum {unknown} */
      status: 'draft' | 'approved' | 'withdrawn';
      title: {
        en: string;
        zh: string;
      };
      withdrawn: {
        /** Format: date-time */
        at: string;
        by: string;
        reason: string;
      } | null;
    };
    /** DocumentHistoryEntry */
    DocumentHistoryEntry: {
      approvedAt: string | null;
      approvedBy: string | null;
      author: string;
      changeSummary: string;
      contentKind: 'markdown' | 'reference';
      contentSha256: string | null;
      /** Format: date-time */
      createdAt: string;
      n: number;
      /** @enum {unknown} */
      status: 'draft' | 'approved' | 'superseded';
    };
    /** DocumentPage */
    DocumentPage: {
      items: components['schemas']['DocumentSummary'][];
      nextCursor: string | null;
    };
    /**
     * DocumentSource
     * @description Give an edition, a date received, or both.
     */
    DocumentSource: {
      edition?: string;
      /** @description Publisher or owner. */
      publisher: string;
      /**
       * Format: date
       * @description Date received (YYYY-MM-DD).
       */
      receivedOn?: string;
      /** @description Document number, reference or URL. */
      reference: string;
    };
    /** DocumentSummary */
    DocumentSummary: {
      /** @description May the caller add versions, approve others’ versions and withdraw? */
      canEdit: boolean;
      /** @enum {unknown} */
      classification: 'public' | 'internal' | 'restricted';
      /** Format: date-time */
      createdAt: string;
      createdBy: string;
      currentVersion: number | null;
      id: string;
      /** @enum {unknown} */
      kind: 'policy' | 'plan' | 'procedure' | 'manual' | 'contract' | 'regulation' | 'standard' | 'other';
      /** @enum {unknown} */
      origin: 'internal' | 'external';
      ownerGroup: string;
      source: components['schemas']['DocumentSource'] | null;
      /** @enum {unknown} */
      status: 'draft' | 'approved' | 'withdrawn';
      title: {
        en: string;
        zh: string;
      };
      withdrawn: {
        /** Format: date-time */
        at: string;
        by: string;
        reason: string;
      } | null;
    };
    /** DocumentVersion */
    DocumentVersion: {
      approvedAt: string | null;
      approvedBy: string | null;
      author: string;
      changeSummary: string;
      /** DocumentContent */
      content:
        | {
            /** @enum {string} */
            kind: 'markdown';
            text: string;
          }
        | {
            /** @enum {string} */
            kind: 'reference';
            /** @description Where the file is kept (URL or path). */
            location: string;
            /** @description sha256 of the referenced file, when known. */
            sha256: string | null;
          };
      contentSha256: string | null;
      /** Format: date-time */
      createdAt: string;
      n: number;
      source: components['schemas']['DocumentSource'] | null;
      /** @enum {unknown} */
      status: 'draft' | 'approved' | 'superseded';
    };
    /** Group */
    Group: {
      /** Format: date-time */
      createdAt: string;
      id: string;
      /** @description User ids. */
      members: string[];
      name: {
        en: string;
        zh: string;
      };
    };
    /** PackImportPlan */
    PackImportPlan: {
      /** @description The version in use before the import. */
      activeVersion: string | null;
      added: string[];
      changed: string[];
      pack: string;
      removed: string[];
      unchanged: string[];
      version: string;
    };
    /** ProblemDetails */
    ProblemDetails: {
      /**
       * @description The catalogue code (server/src/errors/problem-codes.ts).
       * @enum {unknown}
       */
      code:
        | 'MALFORMED_JSON'
        | 'VALIDATION_FAILED'
        | 'FORBIDDEN_KEY'
        | 'FORBIDDEN_PROTOTYPE_KEY'
        | 'BAD_REQUEST'
        | 'UNAUTHENTICATED'
        | 'CSRF_TOKEN_INVALID'
        | 'FORBIDDEN'
        | 'NOT_FOUND'
        | 'METHOD_NOT_ALLOWED'
        | 'CONFLICT'
        | 'SETUP_ALREADY_DONE'
        | 'PRECONDITION_FAILED'
        | 'PACK_VERSION_CONFLICT'
        | 'PAYLOAD_TOO_LARGE'
        | 'UNSUPPORTED_MEDIA_TYPE'
        | 'DEFINITION_INVALID'
        | 'PACK_INVALID'
        | 'RECORD_ACTION_REJECTED'
        | 'RECORD_REFERENCE_INVALID'
        | 'PROCESS_NOT_PUBLISHED'
        | 'RECORD_NOT_CLOSED'
        | 'RETENTION_NOT_ELAPSED'
        | 'DOCUMENT_INVALID'
        | 'DOCUMENT_SELF_APPROVAL'
        | 'DOCUMENT_VERSION_NOT_DRAFT'
        | 'DOCUMENT_WITHDRAWN'
        | 'RATE_LIMITED'
        | 'INTERNAL_ERROR'
        | 'SERVICE_UNAVAILABLE'
        | 'OUTCOME_UNKNOWN';
      detail: string;
      errors?: {
        /** @enum {unknown} */
        code:
          | 'UNKNOWN_FIELD'
          | 'MISSING_FIELD'
          | 'WRONG_TYPE'
          | 'INVALID_VALUE'
          | 'FORBIDDEN_KEY'
          | 'FORBIDDEN_PROTOTYPE_KEY'
          | 'LONE_SURROGATE'
          | 'DEFINITION_ISSUE'
          | 'CONFORMANCE_FAILED'
          | 'PACK_ISSUE'
          | 'MERGE_CONFLICT';
        in?: 'body' | 'querystring' | 'params' | 'headers';
        /** @description The underlying issue code (definition, conformance or PACK_* code). */
        issue?: string;
        message: string;
        /** @description JSON Pointer into the request part named by `in`. */
        path: string;
      }[];
      /** @description The request path (without its query string). */
      instance: string;
      /** @description Why the process refused the action (RECORD_ACTION_REJECTED). */
      rejection?: {
        /** @description The step rejection code (ACTOR_NOT_ALLOWED, GUARD_FAILED, …). */
        code: string;
        message: {
          en: string;
          zh: string;
        };
        params: {
          [key: string]: unknown;
        };
        /** @description The rule trace up to the refusal. */
        trace: unknown[];
      };
      requestId: string;
      status: number;
      title: string;
      /** @description A URN naming the problem code. */
      type: string;
    };
    /** Process */
    Process: {
      /** @description Groups whose agents work the process (derived). */
      agentGroups: string[];
      audience: components['schemas']['ProcessAudience'];
      /** @description May the caller edit the process and its definitions? */
      canEdit: boolean;
      /** Format: date-time */
      createdAt: string;
      /** @description Per-process roles granted to users and groups. */
      grants: {
        groups: string[];
        role: string;
        users: string[];
      }[];
      key: string;
      /** @description Newest published version. */
      latestVersion: number | null;
      /** @description The caller's roles in the process. */
      myRoles: string[];
      /** @description User ids of the process owners. */
      owners: string[];
      retired: boolean;
      rev: number;
      title: {
        en: string;
        zh: string;
      };
      /** Format: date-time */
      updatedAt: string;
    };
    /** ProcessAudience */
    ProcessAudience: {
      /** @description Groups standing for organizations the entry is shown to (empty: any organization). */
      organizations: string[];
      /** @description Platform roles the entry is shown to (empty: any role). */
      roles: ('admin' | 'process-owner' | 'agent' | 'requester')[];
    };
    /** ProcessRetention */
    ProcessRetention: {
      key: string;
      /** @description Null: the process keeps its records indefinitely. */
      policy: components['schemas']['RetentionPolicy'] | null;
    };
    /** Record */
    Record: {
      actions: components['schemas']['RecordAction'][];
      assignee: {
        role?: string;
        user?: string;
      } | null;
      breachAt: string | null;
      clocks: {
        [key: string]: {
          breachAt: string | null;
          breached: boolean;
          elapsedMs: number;
          remainingMs: number;
          status: 'running' | 'paused' | 'stopped';
          targetMs: number;
          warningAt: string | null;
        };
      };
      /** Format: date-time */
      createdAt: string;
      /** @description Form data. */
      data: {
        [key: string]: unknown;
      };
      id: string;
      /** @description The caller's process roles on this record. */
      myRoles: string[];
      processKey: string;
      processVersion: number;
      /** @description Each record-reference field (x-ref) resolved for the caller. */
      references?: {
        [key: string]:
          | (
              | {
                  id: string;
                  processKey: string;
                  state: string;
                  title: string;
                  /** @enum {boolean} */
                  visible: true;
                }
              | {
                  id: string;
                  /**
                   * @description Missing, or not visible to the caller.
                   * @enum {boolean}
                   */
                  visible: false;
                }
            )
          | (
              | {
                  id: string;
                  processKey: string;
                  state: string;
                  title: string;
                  /** @enum {boolean} */
                  visible: true;
                }
              | {
                  id: string;
                  /**
                   * @description Missing, or not visible to the caller.
                   * @enum {boolean}
                   */
                  visible: false;
                }
            )[];
      };
      requester: string | null;
      /** @description The sequence number of the last event; send it back in `If-Match`. */
      seq: number;
      state: string;
      status: 'active' | 'done';
      title: string;
      /** Format: date-time */
      updatedAt: string;
    };
    /** RecordAction */
    RecordAction: {
      event: string;
      transitions: {
        form?: {
          id: string;
          schema: unknown;
          ui: unknown;
        };
        /** @description A guard decides at send time whether it is taken. */
        guarded: boolean;
        id: string;
        label: {
          en: string;
          zh: string;
        };
        to: string;
      }[];
    };
    /** RecordAudit */
    RecordAudit: {
      brokenAt?: number;
      headHash?: string | null;
      length?: number;
      message?: string;
      ok: boolean;
      reason?: string;
    };
    /** RecordChange */
    RecordChange: {
      /** @description Form data. */
      data: {
        [key: string]: unknown;
      };
      event: {
        actor: string;
        /** Format: date-time */
        at: string;
        seq: number;
        type: string;
      };
      id: string;
      seq: number;
      state: string;
      status: 'active' | 'done';
    };
    /** RecordHistoryEntry */
    RecordHistoryEntry: {
      actor: string;
      /** Format: date-time */
      at: string;
      changes: {
        field: string;
        from: unknown;
        to: unknown;
      }[];
      decisions: {
        decision: string;
        hitPolicy: string;
        inputs: {
          [key: string]: unknown;
        };
        matchedRows: {
          conditions: unknown;
          rule: string;
        }[];
        outputs: {
          [key: string]: unknown;
        };
      }[];
      effects: unknown[];
      from: string | null;
      hash: string;
      input: unknown;
      kind: string;
      seq: number;
      to: string;
      /** @description The full rule trace of the event. */
      trace: unknown[];
      type: string;
    };
    /** RecordLookupPage */
    RecordLookupPage: {
      items: {
        id: string;
        state: string;
        title: string;
      }[];
    };
    /** RecordPage */
    RecordPage: {
      items: components['schemas']['RecordSummary'][];
      nextCursor: string | null;
    };
    /** RecordSummary */
    RecordSummary: {
      assignee: {
        role?: string;
        user?: string;
      } | null;
      breachAt: string | null;
      clocks: {
        [key: string]: {
          breachAt: string | null;
          breached: boolean;
          elapsedMs: number;
          remainingMs: number;
          status: 'running' | 'paused' | 'stopped';
          targetMs: number;
          warningAt: string | null;
        };
      };
      /** Format: date-time */
      createdAt: string;
      id: string;
      processKey: string;
      processVersion: number;
      requester: string | null;
      /** @description The sequence number of the last event; send it back in `If-Match`. */
      seq: number;
      state: string;
      status: 'active' | 'done';
      title: string;
      /** Format: date-time */
      updatedAt: string;
    };
    /** ReferencingRecords */
    ReferencingRecords: {
      items: {
        /** @description The record-reference field that names the record. */
        field: string;
        id: string;
        processKey: string;
        state: string;
        title: string;
      }[];
    };
    /** RetentionPolicy */
    RetentionPolicy: {
      /** @enum {unknown} */
      from: 'closed' | 'created';
      /** @description ISO 8601 duration. */
      period: string;
      /** Format: date-time */
      setAt: string;
      /** @description User id of who set the policy. */
      setBy: string;
    };
    /** ServiceCatalogue */
    ServiceCatalogue: {
      items: components['schemas']['CatalogueEntry'][];
      /** @enum {unknown} */
      locale: 'en' | 'zh';
    };
    /** ServiceReport */
    ServiceReport: {
      /** Format: date-time */
      generatedAt: string;
      /** @enum {unknown} */
      interval: 'day' | 'week' | 'month';
      measures: {
        description: {
          en: string;
          zh: string;
        };
        /** @enum {unknown} */
        id:
          | 'opened'
          | 'closed'
          | 'backlog'
          | 'slaBreaches'
          | 'slaMetShare'
          | 'meanTimeToClose'
          | 'p90TimeToClose'
          | 'reopened';
        label: {
          en: string;
          zh: string;
        };
        series: {
          /** Format: date-time */
          end: string;
          /** Format: date-time */
          start: string;
          /** @description Null when the bucket has nothing to measure (no record closed, for shares and times). */
          value: number | null;
        }[];
        trend: {
          /** @description Whether the direction is the good one for this measure; null when flat or neutral. */
          better: boolean | null;
          /**
           * @description Flat when the line changes by at most 5 % of the mean value over the period.
           * @enum {unknown}
           */
          direction: 'rising' | 'falling' | 'flat';
          /** @description Change per interval of the least-squares line. */
          slope: number;
        };
        /** @enum {unknown} */
        unit: 'count' | 'percent' | 'hours';
      }[];
      period: {
        /**
         * Format: date-time
         * @description Exclusive.
         */
        end: string;
        /** @description First local date asked for. */
        from: string;
        /** Format: date-time */
        start: string;
        /** @description Last local date asked for. */
        to: string;
      };
      process: {
        key: string;
        title: {
          en: string;
          zh: string;
        };
      };
      timeZone: string;
    };
    /** User */
    User: {
      /** Format: date-time */
      createdAt: string;
      disabled: boolean;
      displayName: string;
      groups: string[];
      id: string;
      /** @enum {unknown} */
      locale: 'en' | 'zh';
      roles: ('admin' | 'process-owner' | 'agent' | 'requester')[];
      username: string;
    };
    /** WorkNote */
    WorkNote: {
      at: string | null;
      author: string | null;
      id: string;
      /** @description `user`: added through the API; `process`: written by a process effect. */
      source: 'user' | 'process';
      text: {
        en: string;
        zh: string;
      };
    };
  };
  responses: {
    /** @description Problem (400) */
    Problem400: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['ProblemDetails'];
      };
    };
    /** @description Problem (401) */
    Problem401: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['ProblemDetails'];
      };
    };
    /** @description Problem (403) */
    Problem403: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['ProblemDetails'];
      };
    };
    /** @description Problem (404) */
    Problem404: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['ProblemDetails'];
      };
    };
    /** @description Problem (409) */
    Problem409: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['ProblemDetails'];
      };
    };
    /** @description Problem (412) */
    Problem412: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['ProblemDetails'];
      };
    };
    /** @description Problem (413) */
    Problem413: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['ProblemDetails'];
      };
    };
    /** @description Problem (415) */
    Problem415: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['ProblemDetails'];
      };
    };
    /** @description Problem (422) */
    Problem422: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['ProblemDetails'];
      };
    };
    /** @description Problem (429) */
    Problem429: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['ProblemDetails'];
      };
    };
    /** @description Problem (500) */
    Problem500: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['ProblemDetails'];
      };
    };
  };
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;

/** The process-definition format version this package reads and writes. */
export const DEFINITION_FORMAT_VERSION = 1;

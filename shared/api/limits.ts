/**
 * Size limits shared by the contract (zod) and the transports (the browser host's body cap), so an upload
 * the schema accepts is never cut off by the host and the host never buffers more than the schema allows.
 */

/** An imported file (CSV or FHIR JSON), measured in UTF-8 bytes. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Every other request body. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Operations whose body carries a whole imported file as `content`. */
const FILE_OPERATIONS = new Set(['imports.csvPreview', 'imports.csvImport', 'imports.fhirPreview', 'imports.fhirImport']);

/**
 * The largest JSON body an operation may send. A file of MAX_IMPORT_BYTES at most doubles in JSON (each
 * newline, tab, quote or backslash becomes two bytes; other characters stay as they are), plus room for the
 * other fields.
 */
export function maxBodyBytes(operation: string): number {
  return FILE_OPERATIONS.has(operation) ? 2 * MAX_IMPORT_BYTES + 64 * 1024 : MAX_BODY_BYTES;
}

/** UTF-8 length of a string without allocating a buffer. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

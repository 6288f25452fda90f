/**
 * Minutes and outcome letters: the HTML preview (the same HTML the PDF is printed from) and the PDF export.
 * The file an export writes is chosen by the transport (a save dialog in the app; a folder next to the database
 * for the browser host; --out for the CLI), never by the caller. Exporting the minutes of a signed meeting
 * records the PDF's SHA-256 in the audit log.
 */
import { z } from 'zod';
import { SIGNED_IN } from './access';
import { op } from './op';

const id = z.number().int().positive();

/** The minutes of `meeting_id`, or (with `case_id`) the outcome letter for that case at that meeting. */
const target = z.strictObject({ meeting_id: id, case_id: id.optional() });
/** For an export, `meeting_id` may be left out of a letter: the latest meeting that decided the case. */
const exportTarget = z.strictObject({ meeting_id: id.optional(), case_id: id.optional() })
  .refine((t) => t.meeting_id !== undefined || t.case_id !== undefined, { message: 'give meeting_id, case_id or both', path: ['meeting_id'] });

export const minutesOperations = {
  'minutes.preview': op(
    target.extend({
      embed_fonts: z.boolean().default(false),
      /**
       * `inline` (default): the stylesheet in a `<style>` element, as in the PDF. `none`: the HTML without it and
       * the stylesheet in `css`, for a preview under a CSP that forbids inline styles (applied as a constructed
       * stylesheet).
       */
      styles: z.enum(['inline', 'none']).default('inline'),
    }).strict(),
    z.object({ html: z.string(), draft: z.boolean(), title: z.string(), css: z.string().optional() }),
    SIGNED_IN,
  ),
  'minutes.exportPdf': op(
    exportTarget,
    z.object({
      /** False when the user cancelled the save dialog (nothing written). */
      written: z.boolean(),
      file_name: z.string().nullable(),
      /** The folder it was saved in (to tell the user where to find it); null when nothing was written. */
      folder: z.string().nullable(),
      bytes: z.number().int().min(0),
      sha256: z.string().nullable(),
      draft: z.boolean(),
      /** True when the SHA-256 was recorded in the audit log (signed minutes). */
      audited: z.boolean(),
      /** What was exported: the meeting, how many cases, and for a letter the patient ("Name (MRN)") and recipient. */
      meeting_id: id,
      cases: z.number().int().min(0),
      patient: z.string().nullable(),
      recipient: z.string().nullable(),
    }),
    SIGNED_IN,
  ),
  /**
   * After an export: open the file, or show it in its folder, on the desktop. Only a file this app exported in
   * this session can be named (by its file name, never a path); `shown` is false where there is no desktop
   * (browser host, CLI), and the screen then says where the file is instead.
   */
  'exports.show': op(
    z.strictObject({ file_name: z.string().min(1).max(255), how: z.enum(['open', 'folder']) }),
    z.object({ shown: z.boolean() }),
    SIGNED_IN,
  ),
} as const;

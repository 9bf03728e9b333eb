import { bad, ok, type FieldKind } from './field-kind.js';

const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const ALLOWED = /^(application\/pdf|image\/(png|jpeg|heic)|text\/plain)$/;

/**
 * A document the citizen adds. The stored answer describes the file
 * (`{ name, type, size }`); the bytes are kept by the page layer that
 * receives the upload.
 */
const file: FieldKind<'file'> = {
  type: 'file',
  upload: true,
  bounds: 'size',
  sample: () => '',
  parse(raw, field) {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return bad('invalid-file');
    const { name, type, size, id } = raw as Record<string, unknown>;
    if (
      typeof name !== 'string' ||
      !name.trim() ||
      name.length > 255 ||
      typeof type !== 'string' ||
      typeof size !== 'number' ||
      size < 0
    ) {
      return bad('invalid-file');
    }
    if (!ALLOWED.test(type)) return bad('file-type', { type });
    const max = typeof field.max === 'number' ? field.max : DEFAULT_MAX_BYTES;
    if (size > max) return bad('file-too-large', { max });
    // `id` names the stored bytes when the pages received the upload.
    return ok({ ...(typeof id === 'string' && /^[\w-]{1,64}$/.test(id) ? { id } : {}), name: name.trim(), type, size });
  },
  format: (value) => (value && typeof value === 'object' ? String((value as { name?: unknown }).name ?? '') : ''),
};

export const fileKinds = [file] as const;

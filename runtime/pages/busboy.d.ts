/**
 * The part of busboy's API the upload reader uses (busboy ships no types;
 * https://github.com/mscdex/busboy#readme).
 */
declare module 'busboy' {
  import type { IncomingHttpHeaders } from 'node:http';
  import type { Readable, Writable } from 'node:stream';

  export type Limits = {
    fieldNameSize?: number;
    fieldSize?: number;
    fields?: number;
    fileSize?: number;
    files?: number;
    parts?: number;
    headerPairs?: number;
  };
  export type FieldInfo = { nameTruncated: boolean; valueTruncated: boolean; encoding: string; mimeType: string };
  export type FileInfo = { filename: string | undefined; encoding: string; mimeType: string };
  export type FileStream = Readable & { truncated: boolean };
  export interface Busboy extends Writable {
    on(event: 'field', listener: (name: string, value: string, info: FieldInfo) => void): this;
    on(event: 'file', listener: (name: string, stream: FileStream, info: FileInfo) => void): this;
    on(event: 'partsLimit' | 'filesLimit' | 'fieldsLimit' | 'close' | 'finish', listener: () => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
  }
  export default function busboy(config: {
    headers: IncomingHttpHeaders;
    limits?: Limits;
    defParamCharset?: string;
    highWaterMark?: number;
    fileHwm?: number;
    preservePath?: boolean;
  }): Busboy;
}

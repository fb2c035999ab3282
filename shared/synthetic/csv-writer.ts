/**
 * An ASCII CSV builder writing bytes into one growing buffer. The national generate emits about six million
 * rows; building them as JS strings made most of the run string concatenation and garbage collection.
 */
import { DMY_BYTES, type Day, index } from './calendar.ts';

const decoder = new TextDecoder();
const COMMA = 44;
const NEWLINE = 10;

export class CsvWriter {
  private buf = new Uint8Array(1 << 14);
  private n = 0;
  private rowCount = 0;

  constructor(header: readonly string[]) {
    for (const column of header) this.cell(column);
    this.endRow();
    this.rowCount = 0;
  }

  get rows(): number {
    return this.rowCount;
  }

  private room(extra: number): void {
    if (this.n + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.n + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.n));
    this.buf = next;
  }

  /** A text cell (ASCII: codes, ids, postcodes) followed by a comma. */
  cell(text: string): this {
    const len = text.length;
    this.room(len + 1);
    const buf = this.buf;
    let n = this.n;
    for (let i = 0; i < len; i++) buf[n++] = text.charCodeAt(i);
    buf[n++] = COMMA;
    this.n = n;
    return this;
  }

  /** A dd/mm/yyyy cell, copied from the calendar's precomputed bytes. */
  date(day: Day): this {
    this.room(11);
    const from = index(day) * 10;
    const buf = this.buf;
    let n = this.n;
    for (let k = 0; k < 10; k++) buf[n++] = DMY_BYTES[from + k]!;
    buf[n++] = COMMA;
    this.n = n;
    return this;
  }

  blank(): this {
    this.room(1);
    this.buf[this.n++] = COMMA;
    return this;
  }

  /** Ends the row: its trailing comma becomes the newline. */
  endRow(): void {
    this.buf[this.n - 1] = NEWLINE;
    this.rowCount++;
  }

  toString(): string {
    return decoder.decode(this.buf.subarray(0, this.n));
  }
}

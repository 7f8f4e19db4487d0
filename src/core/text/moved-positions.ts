/**
 * Moves positions by a fixed number of characters and lines, keeping the sharing the parsers
 * build in: a parent's range starts at its first child's start and ends at its last child's end
 * with the very same Position objects, so a copy that moved each one on its own made twice as
 * many. The last few positions moved are remembered by identity; shared ones are met close
 * together while a tree is copied, so a handful of slots finds nearly all of them.
 */
import type { Position, Range } from './position';
import { newPosition, newRange } from '../util/lint-lived';

const SLOTS = 8;

export class PositionMover {
  private readonly from: Array<Position | undefined> = new Array(SLOTS).fill(undefined);
  private readonly to: Array<Position | undefined> = new Array(SLOTS).fill(undefined);
  private next = 0;

  constructor(
    readonly offsets: number,
    readonly lines: number,
  ) {}

  get isIdentity(): boolean {
    return this.offsets === 0 && this.lines === 0;
  }

  position(position: Position): Position {
    const from = this.from;
    for (let i = 0; i < SLOTS; i++) if (from[i] === position) return this.to[i]!;
    const moved = newPosition(position.offset + this.offsets, position.line + this.lines, position.column);
    from[this.next] = position;
    this.to[this.next] = moved;
    this.next = (this.next + 1) % SLOTS;
    return moved;
  }

  range(range: Range): Range {
    return newRange(this.position(range.start), this.position(range.end));
  }
}

/**
 * Union-find (disjoint sets) over indexes 0..n-1, with path halving. A set's root is always its smallest
 * index, so the groups and their roots do not depend on the order unions are made in.
 */
export class UnionFind {
  private readonly parent: number[] = [];

  /** Starts with `size` singleton sets. */
  constructor(size = 0) {
    for (let i = 0; i < size; i++) this.parent.push(i);
  }

  /** Adds a singleton set and returns its index. */
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }

  /** The root (smallest index) of `a`'s set. */
  find(a: number): number {
    const parent = this.parent;
    while (parent[a] !== a) {
      parent[a] = parent[parent[a]!]!;
      a = parent[a]!;
    }
    return a;
  }

  /** Joins the sets of `a` and `b`. */
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

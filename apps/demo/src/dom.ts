/**
 * The one way the demo builds DOM: elements from a tag, attributes and children, where every string
 * child becomes a text node. Article text is untrusted, so nothing here ever parses markup
 * (no innerHTML, no insertAdjacentHTML) and event-handler attributes are refused.
 */

/** A child: a node, a string (added as text), or nothing. */
export type Child = Node | string | number | null | undefined | false;

/** Attributes: strings are set as attributes, `true` sets an empty attribute, false/null/undefined skip it. */
export type Attrs = Record<string, string | number | boolean | null | undefined>;

/** Creates an element with attributes and children; string children are text, never markup. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (/^on/i.test(key)) throw new Error(`refusing event-handler attribute "${key}": use addEventListener`);
    node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

/** Appends children (strings as text nodes) to a node. */
export function append(node: Node, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces all children of a node. */
export function replaceChildren(node: Element, ...children: (Child | Child[])[]): void {
  node.replaceChildren();
  append(node, children);
}

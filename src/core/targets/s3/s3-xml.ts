/**
 * A small XML reader for S3's answers (listings, errors, multipart uploads): elements, their text, entities
 * and CDATA — no DTDs, no attributes kept. S3 answers are flat and small, and the core has no DOMParser in Node.
 */

export interface XmlElement {
	/** The local name, without any namespace prefix. */
	name: string;
	children: XmlElement[];
	/** The element's own text, entities decoded (text of child elements not included). */
	text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(parseInt(name.slice(2), 16));
		if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
		return ENTITIES[name] ?? whole;
	});
}

function localName(tag: string): string {
	const colon = tag.indexOf(":");
	return colon < 0 ? tag : tag.slice(colon + 1);
}

/** The document's root element; throws on text that is not well-formed enough to read. */
export function parseXml(xml: string): XmlElement {
	const root: XmlElement = { name: "#document", children: [], text: "" };
	const stack: XmlElement[] = [root];
	const tag = /<(\/?)([^\s/>!?]+)[^>]*?(\/?)>|<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<![^>]*>|<\?[\s\S]*?\?>/g;
	let at = 0;
	for (let match = tag.exec(xml); match !== null; match = tag.exec(xml)) {
		const current = stack[stack.length - 1] as XmlElement;
		current.text += decodeEntities(xml.slice(at, match.index));
		at = tag.lastIndex;
		const [, closing, name, selfClosing, cdata] = match;
		if (cdata !== undefined) {
			current.text += cdata;
			continue;
		}
		if (name === undefined) continue;
		if (closing === "/") {
			if (stack.length < 2 || current.name !== localName(name)) throw new Error(`unexpected </${name}> in the server's answer`);
			stack.pop();
			continue;
		}
		const element: XmlElement = { name: localName(name), children: [], text: "" };
		current.children.push(element);
		if (selfClosing !== "/") stack.push(element);
	}
	if (stack.length > 1) throw new Error("the server's answer ends in the middle of its XML");
	const top = root.children[0];
	if (top === undefined) throw new Error("the server's answer holds no XML");
	return top;
}

export function child(element: XmlElement, name: string): XmlElement | undefined {
	return element.children.find((c) => c.name === name);
}

export function children(element: XmlElement, name: string): XmlElement[] {
	return element.children.filter((c) => c.name === name);
}

/** The text of the child `name`, or undefined when there is none. */
export function textOf(element: XmlElement, name: string): string | undefined {
	return child(element, name)?.text;
}

// EXIF strings written by someone who knows Markdown, YAML and Obsidian, for tests of what they could break.

export const HOSTILE = [
	"---",
	"a: b",
	"\"quoted\" 'single'",
	"line one\nline two\n---\n# heading",
	"[[Secret note]] and [link](http://x)",
	"| col | col |",
	"*bold* _it_ ==mark== ~~del~~ `code` $x$",
	"#tag ^block %%comment%%",
	"<script>alert(1)</script> &amp;",
	"![[embed.png]]",
	"\\",
	"yes",
	"> [!note] callout",
];

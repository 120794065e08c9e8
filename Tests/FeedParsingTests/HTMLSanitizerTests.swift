import FeedParsing
import Foundation
import TestSupport
import Testing

/// One input fragment with the HTML and plain text the sanitizer must produce for it.
private struct SanitizerCase: Sendable, CustomTestStringConvertible {
    let name: String
    let input: String
    let html: String
    let text: String
    var base: String?

    init(_ name: String, _ input: String, html: String, text: String, base: String? = nil) {
        self.name = name
        self.input = input
        self.html = html
        self.text = text
        self.base = base
    }

    var testDescription: String { name }
    var baseURL: URL? { base.flatMap(URL.init(string:)) }
}

/// A title (or other single-line text) and its expected plain text.
private struct SanitizerTitleCase: Sendable, CustomTestStringConvertible {
    let input: String
    let text: String

    init(_ input: String, _ text: String) {
        self.input = input
        self.text = text
    }

    var testDescription: String { input.debugDescription }
}

private let sanitizerPage = "https://news.example.com/world/2024/story.html"

/// Markup that could run script, load content or restyle the page, in plain and disguised forms.
private let sanitizerDangerousCases: [SanitizerCase] = [
    SanitizerCase(
        "script block between paragraphs",
        #"<p>Intro</p><script type="text/javascript">document.write("x")</script><p>Outro</p>"#,
        html: "<p>Intro</p><p>Outro</p>", text: "Intro\nOutro"),
    SanitizerCase(
        "img with onerror handler", #"<img src="/pix/cat.jpg" onerror="steal()" alt="A cat">"#,
        html: #"<img src="https://news.example.com/pix/cat.jpg" alt="A cat">"#, text: "",
        base: sanitizerPage),
    SanitizerCase(
        "img onerror without quotes", "<img src=x onerror=alert(1)>",
        html: #"<img src="x">"#, text: ""),
    SanitizerCase(
        "javascript link with onclick", #"<a href="javascript:void(0)" onclick="steal()">Click</a>"#,
        html: "<a>Click</a>", text: "Click"),
    SanitizerCase(
        "javascript scheme split by a tab reference", #"<a href="jav&#x09;ascript:steal()">Tab</a>"#,
        html: "<a>Tab</a>", text: "Tab"),
    SanitizerCase(
        "javascript scheme in mixed case after a space", #"<a href=" JaVaScRiPt:steal()">Case</a>"#,
        html: "<a>Case</a>", text: "Case"),
    SanitizerCase(
        "javascript scheme split by a raw newline", "<a href=\"java\nscript:steal()\">Line</a>",
        html: "<a>Line</a>", text: "Line"),
    SanitizerCase(
        "javascript scheme split by a carriage return", "<a href=\"java\r\nscript:steal()\">CR</a>",
        html: "<a>CR</a>", text: "CR"),
    SanitizerCase(
        "javascript scheme spelled with character references",
        #"<a href="&#x6A;avascript&#x3A;steal()">Hex</a><a href="&#106;avascript&#58;steal()">Dec</a>"#,
        html: "<a>Hex</a><a>Dec</a>", text: "HexDec"),
    SanitizerCase(
        "javascript scheme after a control character", "<a href=\"\u{1}javascript:steal()\">Ctl</a>",
        html: "<a>Ctl</a>", text: "Ctl"),
    SanitizerCase(
        "control character inside a scheme", "<a href=\"java\u{8}script:steal()\">Bs</a>",
        html: "<a>Bs</a>", text: "Bs"),
    SanitizerCase(
        "space before the colon still counts as a scheme", #"<a href="javascript :steal()">Sp</a>"#,
        html: "<a>Sp</a>", text: "Sp"),
    SanitizerCase(
        "uppercase tag with javascript src", #"<IMG SRC="JaVaScRiPt:steal()">"#,
        html: "<img>", text: ""),
    SanitizerCase("vbscript link", #"<a href="vbscript:msgbox(1)">VB</a>"#, html: "<a>VB</a>", text: "VB"),
    SanitizerCase(
        "data URL image", #"<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="d">"#,
        html: #"<img alt="d">"#, text: ""),
    SanitizerCase(
        "data URL link carrying markup", #"<a href="data:text/html,<script>steal()</script>">D</a>"#,
        html: "<a>D</a>", text: "D"),
    SanitizerCase(
        "file and ftp links", #"<a href="file:///etc/passwd">F</a><a href="ftp://example.org/">P</a>"#,
        html: "<a>F</a><a>P</a>", text: "FP"),
    SanitizerCase("unknown scheme on an image", "<img src=x-app:open>", html: "<img>", text: ""),
    SanitizerCase(
        "svg with onload and children", #"<svg onload="steal()"><circle r="4"></circle></svg>Caption"#,
        html: "Caption", text: "Caption"),
    SanitizerCase(
        "script inside svg", "<svg><script>steal()</script><text>hidden</text></svg>Shown",
        html: "Shown", text: "Shown"),
    SanitizerCase(
        "iframe with fallback text",
        #"<iframe src="https://ads.example.net/frame" width="300">Frames needed</iframe>Story"#,
        html: "Story", text: "Story"),
    SanitizerCase(
        "uppercase iframe", "<IFRAME SRC=https://ads.example.net/></IFRAME>After",
        html: "After", text: "After"),
    SanitizerCase(
        "style attribute with a script URL",
        #"<p style="color:red;background:url(javascript:steal())">Red</p>"#,
        html: "<p>Red</p>", text: "Red"),
    SanitizerCase(
        "style block", "<style>p { display: none }</style><p>Shown</p>",
        html: "<p>Shown</p>", text: "Shown"),
    SanitizerCase(
        "login form",
        #"<form action="https://phish.example.net/"><input type="password"><button>Go</button></form>Rest"#,
        html: "Rest", text: "Rest"),
    SanitizerCase(
        "unclosed inline elements", "<p>Unclosed <b>bold <i>both",
        html: "<p>Unclosed <b>bold <i>both</i></b></p>", text: "Unclosed bold both"),
    SanitizerCase(
        "script tag hidden inside another tag name", "<scr<script>ipt>steal()</script>",
        html: "ipt&gt;steal()", text: "ipt>steal()"),
    SanitizerCase(
        "doubled angle brackets around script", "<<script>script>steal()<</script>/script>",
        html: "&lt;/script&gt;", text: "</script>"),
    SanitizerCase(
        "comment holding a script", "<!-- <script>steal()</script> -->Visible",
        html: "Visible", text: "Visible"),
    SanitizerCase(
        "comments that pretend to open and close a script", "<!--<script>-->Between<!--</script>-->",
        html: "Between", text: "Between"),
    SanitizerCase(
        "CDATA section holding a script", "<![CDATA[<script>steal()</script>]]>After",
        html: "&lt;![CDATA[]]&gt;After", text: "<![CDATA[]]>After"),
    SanitizerCase(
        "quotes nested in attribute values", #"<a title='She said "no"' href="/q?x='1'">Quote</a>"#,
        html: #"<a title="She said &quot;no&quot;" href="https://news.example.com/q?x='1'">Quote</a>"#,
        text: "Quote", base: sanitizerPage),
    SanitizerCase(
        "attribute value that tries to break out",
        #"<a href="/x" title="a&quot; onmouseover=&quot;steal()">T</a>"#,
        html: #"<a href="/x" title="a&quot; onmouseover=&quot;steal()">T</a>"#, text: "T"),
    SanitizerCase(
        "markup inside a title attribute",
        #"<p title="&lt;/p&gt;&lt;script&gt;steal()&lt;/script&gt;">Attr</p>"#,
        html: #"<p title="&lt;/p&gt;&lt;script&gt;steal()&lt;/script&gt;">Attr</p>"#, text: "Attr"),
    SanitizerCase("mixed-case script tags", "<ScRiPt>steal()</sCrIpT>Mixed", html: "Mixed", text: "Mixed"),
    SanitizerCase(
        "object with param", #"<object data="movie.swf"><param name="q" value="hi">No plugin</object>Next"#,
        html: "Next", text: "Next"),
    SanitizerCase(
        "embed and applet", #"<embed src="x.swf">E<applet code="A.class">Old</applet>A"#,
        html: "EA", text: "EA"),
    SanitizerCase(
        "input and button", #"<input value="Type" onfocus="steal()">I<button>Go</button>B"#,
        html: "IB", text: "IB"),
    SanitizerCase(
        "math and select", "<math><mi>x</mi></math>T<select><option>o</option></select>U",
        html: "TU", text: "TU"),
    SanitizerCase(
        "template and noscript", #"<template><p>t</p></template>K<noscript><img src="/p.gif"></noscript>"#,
        html: "K", text: "K"),
    SanitizerCase("frameset", "<frameset><frame src=x></frameset>Only", html: "Only", text: "Only"),
    SanitizerCase(
        "meta refresh, base and stylesheet link",
        #"<meta http-equiv="refresh" content="0;url=https://x.example/"><base href="https://x.example/">"#
            + #"<link rel="stylesheet" href="x.css">Body"#,
        html: "Body", text: "Body"),
    SanitizerCase("textarea content", "<textarea><b>typed</b></textarea>Below", html: "Below", text: "Below"),
    SanitizerCase(
        "id, class, data and event attributes",
        #"<div id="main" class="wide" data-x="1" onmouseover="steal()">Box</div>"#,
        html: "<div>Box</div>", text: "Box"),
    SanitizerCase(
        "target and rel are not kept",
        #"<a href="https://example.org/page" target="_blank" rel="nofollow">Out</a>"#,
        html: #"<a href="https://example.org/page">Out</a>"#, text: "Out"),
    SanitizerCase(
        "srcset and odd sizes are dropped",
        #"<img src="https://example.org/a.png" srcset="javascript:steal() 2x" width="64" height="48%">"#,
        html: #"<img src="https://example.org/a.png" width="64">"#, text: ""),
    SanitizerCase(
        "quote cite with a data URL", #"<blockquote cite="data:text/html,x">Said</blockquote>"#,
        html: "<blockquote>Said</blockquote>", text: "Said"),
    SanitizerCase("attribute left open at the end", #"<a href="javascript:steal()"#, html: "<a></a>", text: ""),
    SanitizerCase(
        "escaped markup stays text", "&lt;script&gt;steal()&lt;/script&gt;",
        html: "&lt;script&gt;steal()&lt;/script&gt;", text: "<script>steal()</script>"),
    SanitizerCase(
        "details with an event handler", "<details open ontoggle=steal()><summary>S</summary>D</details>",
        html: "<div><div>S</div>D</div>", text: "S\nD"),
    SanitizerCase(
        "media fallback with an event handler", #"<video><source onerror="steal()">Fallback</video>"#,
        html: "Fallback", text: "Fallback"),
]

/// Character references, named and numeric.
private let sanitizerEntityCases: [SanitizerCase] = [
    SanitizerCase("no-break space", "Tea&nbsp;time", html: "Tea\u{A0}time", text: "Tea time"),
    SanitizerCase("em dash", "Wait&mdash;what?", html: "Wait\u{2014}what?", text: "Wait\u{2014}what?"),
    SanitizerCase("decimal apostrophe", "It&#8217;s here", html: "It\u{2019}s here", text: "It\u{2019}s here"),
    SanitizerCase(
        "double-escaped ampersand", "Fish &amp;amp; chips",
        html: "Fish &amp;amp; chips", text: "Fish &amp; chips"),
    SanitizerCase("hex reference outside the BMP", "Smile &#x1F600;", html: "Smile \u{1F600}", text: "Smile \u{1F600}"),
    SanitizerCase("copyright sign", "&copy; 2024 Example", html: "\u{A9} 2024 Example", text: "\u{A9} 2024 Example"),
    SanitizerCase(
        "unknown reference and bare ampersand", "Caf&eacute; &bogus; AT&T",
        html: "Caf\u{E9} &amp;bogus; AT&amp;T", text: "Caf\u{E9} &bogus; AT&T"),
    SanitizerCase(
        "escaped tags", "&lt;b&gt;not bold&lt;/b&gt;",
        html: "&lt;b&gt;not bold&lt;/b&gt;", text: "<b>not bold</b>"),
    SanitizerCase(
        "references to invalid characters vanish", "Zero&#0;width &#xD800;",
        html: "Zerowidth ", text: "Zerowidth"),
    SanitizerCase(
        "quotes", "&quot;Quoted&quot; &apos;single&apos;",
        html: "&quot;Quoted&quot; 'single'", text: "\"Quoted\" 'single'"),
    SanitizerCase("reference without semicolon stays literal", "a &amp b", html: "a &amp;amp b", text: "a &amp b"),
    SanitizerCase(
        "curly quotes and dashes by number", "&#8220;Hi&#8221; &#x2014; &#233;",
        html: "\u{201C}Hi\u{201D} \u{2014} \u{E9}", text: "\u{201C}Hi\u{201D} \u{2014} \u{E9}"),
    SanitizerCase(
        "references inside a paragraph", "<p>Caf&eacute;&nbsp;au&nbsp;lait</p>",
        html: "<p>Caf\u{E9}\u{A0}au\u{A0}lait</p>", text: "Caf\u{E9} au lait"),
    SanitizerCase(
        "numeric references to markup characters", "x &#65; y &#x3c;b&#x3e;",
        html: "x A y &lt;b&gt;", text: "x A y <b>"),
    SanitizerCase(
        "references in attribute values", #"<abbr title="Caf&eacute; &amp; Bar">CB</abbr>"#,
        html: "<abbr title=\"Caf\u{E9} &amp; Bar\">CB</abbr>", text: "CB"),
]

/// Input without `<` or `&`, which never reaches libxml2.
private let sanitizerPlainTextCases: [SanitizerCase] = [
    SanitizerCase("plain sentence", "Just plain text.", html: "Just plain text.", text: "Just plain text."),
    SanitizerCase(
        "whitespace is kept in HTML and collapsed in text", "  spaced   out\n\ttext  ",
        html: "  spaced   out\n\ttext  ", text: "spaced out text"),
    SanitizerCase(
        "quotes and greater-than are escaped", #"Quotes "and" > arrows"#,
        html: "Quotes &quot;and&quot; &gt; arrows", text: #"Quotes "and" > arrows"#),
    SanitizerCase("empty", "", html: "", text: ""),
    SanitizerCase("only whitespace", " \n\t ", html: " \n\t ", text: ""),
    SanitizerCase("control characters are dropped", "Bell\u{7}and\u{0}null", html: "Bellandnull", text: "Bellandnull"),
    SanitizerCase(
        "non-ASCII text", "Grüße aus Köln – 東京", html: "Grüße aus Köln – 東京",
        text: "Grüße aus Köln – 東京"),
    SanitizerCase("no-break spaces separate words in text", "a\u{A0}\u{A0}b", html: "a\u{A0}\u{A0}b", text: "a b"),
]

/// Relative references are made absolute against the base; absolute ones are left as they are.
private let sanitizerURLCases: [SanitizerCase] = [
    SanitizerCase(
        "root-relative link", #"<a href="/about">About</a>"#,
        html: #"<a href="https://news.example.com/about">About</a>"#, text: "About", base: sanitizerPage),
    SanitizerCase(
        "document-relative image", #"<img src="photo.jpg">"#,
        html: #"<img src="https://news.example.com/world/2024/photo.jpg">"#, text: "", base: sanitizerPage),
    SanitizerCase(
        "parent directory", #"<a href="../index.html">Up</a>"#,
        html: #"<a href="https://news.example.com/world/index.html">Up</a>"#, text: "Up",
        base: sanitizerPage),
    SanitizerCase(
        "fragment only", ##"<a href="#comments">C</a>"##,
        html: #"<a href="https://news.example.com/world/2024/story.html#comments">C</a>"#, text: "C",
        base: sanitizerPage),
    SanitizerCase(
        "query only", #"<a href="?page=2">Next</a>"#,
        html: #"<a href="https://news.example.com/world/2024/story.html?page=2">Next</a>"#, text: "Next",
        base: sanitizerPage),
    SanitizerCase(
        "scheme-relative", #"<img src="//cdn.example.net/a.png">"#,
        html: #"<img src="https://cdn.example.net/a.png">"#, text: "", base: sanitizerPage),
    SanitizerCase(
        "absolute link is untouched", #"<a href="http://other.example.org/x?y=1&amp;z=2">O</a>"#,
        html: #"<a href="http://other.example.org/x?y=1&amp;z=2">O</a>"#, text: "O", base: sanitizerPage),
    SanitizerCase(
        "space in a relative path is percent-encoded", #"<img src="images/a b.png">"#,
        html: #"<img src="https://news.example.com/world/2024/images/a%20b.png">"#, text: "",
        base: sanitizerPage),
    SanitizerCase(
        "quote citation", #"<q cite="/sources/1">Q</q>"#,
        html: #"<q cite="https://news.example.com/sources/1">Q</q>"#, text: "Q", base: sanitizerPage),
    SanitizerCase(
        "base with query and fragment",
        ##"<a href="c">1</a><a href="?y">2</a><a href="#g">3</a>"##,
        html: ##"<a href="https://example.com/a/c">1</a><a href="https://example.com/a/b?y">2</a>"##
            + ##"<a href="https://example.com/a/b?x=1#g">3</a>"##,
        text: "123", base: "https://example.com/a/b?x=1#f"),
    SanitizerCase(
        "base without a path", #"<a href="c">C</a>"#,
        html: #"<a href="https://example.com/c">C</a>"#, text: "C", base: "https://example.com"),
    SanitizerCase(
        "relative URL kept without a base", #"<a href="/local/page">L</a>"#,
        html: #"<a href="/local/page">L</a>"#, text: "L"),
    SanitizerCase(
        "colon after a slash is not a scheme", #"<a href="/wiki/Talk:Main">W</a>"#,
        html: #"<a href="/wiki/Talk:Main">W</a>"#, text: "W"),
    SanitizerCase(
        "mailto and uppercase https are kept",
        #"<a href="mailto:desk@example.org">M</a><a href="HTTPS://EXAMPLE.ORG/">U</a>"#,
        html: #"<a href="mailto:desk@example.org">M</a><a href="HTTPS://EXAMPLE.ORG/">U</a>"#,
        text: "MU", base: sanitizerPage),
    SanitizerCase(
        "whitespace around a URL is trimmed", "<img src=\"  https://example.org/a.png \n\">",
        html: #"<img src="https://example.org/a.png">"#, text: ""),
    SanitizerCase("empty href is dropped", #"<a href="">E</a>"#, html: "<a>E</a>", text: "E", base: sanitizerPage),
    SanitizerCase(
        "a base with another scheme is not used", #"<a href="x.html">X</a>"#,
        html: #"<a href="x.html">X</a>"#, text: "X", base: "file:///srv/feeds/"),
]

/// How element boundaries separate words in the plain text, and what the HTML keeps of the structure.
private let sanitizerStructureCases: [SanitizerCase] = [
    SanitizerCase("line break", "a<br>b", html: "a<br>b", text: "a\nb"),
    SanitizerCase("paragraphs", "<p>one</p><p>two</p>", html: "<p>one</p><p>two</p>", text: "one\ntwo"),
    SanitizerCase(
        "list items", "<ul><li>x</li><li>y</li></ul>", html: "<ul><li>x</li><li>y</li></ul>",
        text: "x\ny"),
    SanitizerCase(
        "table cells and rows", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
        html: "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", text: "a b\nc"),
    SanitizerCase(
        "inline elements do not split words", "<b>bold</b><i>italic</i> and <em>more</em>",
        html: "<b>bold</b><i>italic</i> and <em>more</em>", text: "bolditalic and more"),
    SanitizerCase("heading then text", "<h1>Title</h1>Body", html: "<h1>Title</h1>Body", text: "Title\nBody"),
    SanitizerCase(
        "runs of whitespace", "<p>  lots   of \n space  </p>", html: "<p>  lots   of \n space  </p>",
        text: "lots of space"),
    SanitizerCase(
        "preformatted lines", "<pre>line 1\nline 2</pre>after", html: "<pre>line 1\nline 2</pre>after",
        text: "line 1\nline 2\nafter"),
    SanitizerCase(
        "nested blocks", "<div><p>nested</p></div><div>next</div>",
        html: "<div><p>nested</p></div><div>next</div>", text: "nested\nnext"),
    SanitizerCase(
        "image between words", "word<img src=\"/i.png\">word",
        html: "word<img src=\"/i.png\">word", text: "word word"),
    SanitizerCase(
        "sections become divs", "<section>a</section><article>b</article>",
        html: "<div>a</div><div>b</div>", text: "a\nb"),
    SanitizerCase("blank lines collapse", "<p>a</p>\n\n\n<p>b</p>", html: "<p>a</p>\n\n\n<p>b</p>", text: "a\nb"),
    SanitizerCase("top-level text is not wrapped", "Hello <b>you</b>", html: "Hello <b>you</b>", text: "Hello you"),
    SanitizerCase("stray end tags are ignored", "a</div>b</span>c", html: "abc", text: "abc"),
    SanitizerCase(
        "void elements in XML style", "<br/><hr/><img src=\"/x.png\"/>",
        html: "<br><hr><img src=\"/x.png\">", text: ""),
    SanitizerCase("implied paragraph ends", "<p>x<p>y", html: "<p>x</p><p>y</p>", text: "x\ny"),
    SanitizerCase(
        "unknown inline elements are unwrapped", "<font color=red>red</font><blink>on</blink>",
        html: "redon", text: "redon"),
    SanitizerCase(
        "kept attributes",
        #"<abbr title="World Health Organization">WHO</abbr> <time datetime="2024-05-01">May</time>"#,
        html: #"<abbr title="World Health Organization">WHO</abbr> <time datetime="2024-05-01">May</time>"#,
        text: "WHO May"),
    SanitizerCase(
        "table spans must be numbers", #"<table><tr><td colspan="2" rowspan="x">c</td></tr></table>"#,
        html: #"<table><tr><td colspan="2">c</td></tr></table>"#, text: "c"),
    SanitizerCase(
        "direction and language are checked",
        #"<span dir="RTL" lang="ar">r</span><span dir="sideways" lang="en us">s</span>"#,
        html: #"<span dir="rtl" lang="ar">r</span><span>s</span>"#, text: "rs"),
    SanitizerCase(
        "paragraph inside an unwrapped element", "<p>a<blink><p>b</blink>c</p>d",
        html: "<p>a</p><p>b</p>cd", text: "a\nb\nc\nd"),
    SanitizerCase(
        "a whole HTML document", "<html><head><title>Doc</title></head><body><p>Main</p></body></html>",
        html: "<p>Main</p>", text: "Main"),
    SanitizerCase(
        "a charset declaration does not change the encoding",
        "<meta charset=\"iso-8859-1\"><p>Gr\u{FC}\u{DF}e &amp; \u{6771}\u{4EAC}</p>",
        html: "<p>Gr\u{FC}\u{DF}e &amp; \u{6771}\u{4EAC}</p>", text: "Gr\u{FC}\u{DF}e & \u{6771}\u{4EAC}"),
    SanitizerCase("leading byte order mark", "\u{FEFF}<p>Marked</p>", html: "<p>Marked</p>", text: "Marked"),
    SanitizerCase(
        "NUL bytes inside markup", "<p>Before\u{0}after</p><b\u{0}>x</b>",
        html: "<p>Beforeafter</p><b>x</b>", text: "Beforeafter\nx"),
    SanitizerCase(
        "figure with caption",
        #"<figure><img src="/f.jpg" alt="F"><figcaption>Cap &amp; more</figcaption></figure>"#,
        html: #"<figure><img src="/f.jpg" alt="F"><figcaption>Cap &amp; more</figcaption></figure>"#,
        text: "Cap & more"),
]

private let sanitizerTitleCases: [SanitizerTitleCase] = [
    SanitizerTitleCase("Tom &amp; Jerry", "Tom & Jerry"),
    SanitizerTitleCase("<b>Breaking:</b> News", "Breaking: News"),
    SanitizerTitleCase("Line<br>break", "Line break"),
    SanitizerTitleCase("  Spaces  \n everywhere ", "Spaces everywhere"),
    SanitizerTitleCase("Caf&eacute; &#8216;quote&#8217;", "Caf\u{E9} \u{2018}quote\u{2019}"),
    SanitizerTitleCase("<script>steal()</script>Title", "Title"),
    SanitizerTitleCase("5 &lt; 6", "5 < 6"),
    SanitizerTitleCase("<p>Two</p><p>paragraphs</p>", "Two paragraphs"),
    SanitizerTitleCase("", ""),
]

private let allSanitizerCases =
    sanitizerDangerousCases + sanitizerEntityCases + sanitizerPlainTextCases
    + sanitizerURLCases + sanitizerStructureCases

/// Every input of the tables above with its base, for the fast-path comparison in `HTMLSanitizerFastPathTests`.
let sanitizerTableInputs: [(input: String, base: URL?)] =
    allSanitizerCases.map { ($0.input, $0.baseURL) } + sanitizerTitleCases.map { ($0.input, nil) }

struct HTMLSanitizerTests {
    @Test(arguments: sanitizerDangerousCases)
    fileprivate func removesActiveContent(_ testCase: SanitizerCase) {
        check(testCase)
    }

    @Test(arguments: sanitizerEntityCases)
    fileprivate func decodesCharacterReferences(_ testCase: SanitizerCase) {
        check(testCase)
    }

    @Test(arguments: sanitizerPlainTextCases)
    fileprivate func passesPlainTextThrough(_ testCase: SanitizerCase) {
        check(testCase)
    }

    @Test(arguments: sanitizerURLCases)
    fileprivate func resolvesAndFiltersURLs(_ testCase: SanitizerCase) {
        check(testCase)
    }

    @Test(arguments: sanitizerStructureCases)
    fileprivate func keepsStructureAndSeparatesWords(_ testCase: SanitizerCase) {
        check(testCase)
    }

    @Test(arguments: sanitizerTitleCases)
    fileprivate func flattensTitles(_ testCase: SanitizerTitleCase) {
        var sanitizer = HTMLSanitizer()
        #expect(sanitizer.text(testCase.input) == testCase.text)
    }

    /// Text without tags has its references decoded without libxml2; the result must be what libxml2
    /// gives for the same text once a tag forces the fragment through it.
    @Test(arguments: [
        "Tom & Jerry", "&amp;&lt;&gt;&quot;&apos;", "&#38;&#60;&#x3E;", "&amp", "&amp x", "&ampfoo;",
        "&foo.bar;", "&;", "& ;", "&&amp;&", "&#8217;s", "&#x2019;", "&#X2019;", "&#65;&#x41;", "&nbsp;end",
        "&NBSP;", "&Eacute;&eacute;", "&#9;tab", "&#13;", "&#x1F600;", "&#1114111;", "&#xFFFE;", "&#;",
        "&#x;", "&#12a;", "AT&T&amp;T", "&copy2024", "&sup2;&frac12;", "x&#0000065;y", "&#000000065;",
        "caf&eacute", "ends with &", "&lt;script&gt;steal()&lt;/script&gt;", "\u{A0}&nbsp;\u{A0}", "&amp;amp;",
        "&#128;&#150;", "&#x110000;", "&#55296;", "&thetasym;&alefsym;", "&#xd;&#xA;",
    ])
    func decodesTextWithoutTagsLikeLibxml2(_ input: String) {
        var sanitizer = HTMLSanitizer()
        let direct = sanitizer.clean(input, baseURL: nil)
        let parsed = sanitizer.clean(input + "<b></b>", baseURL: nil)
        #expect(direct.html + "<b></b>" == parsed.html)
        #expect(direct.text == parsed.text)
        #expect(sanitizer.text(input) == sanitizer.text(input + "<b></b>"))
    }

    /// Cleaning cleaned HTML must change nothing, or stored output would drift each time it is re-read.
    @Test func cleaningTwiceChangesNothing() {
        var sanitizer = HTMLSanitizer()
        for testCase in allSanitizerCases {
            let once = sanitizer.clean(testCase.input, baseURL: testCase.baseURL)
            let twice = sanitizer.clean(once.html, baseURL: testCase.baseURL)
            #expect(twice.html == once.html, "\(testCase.name)")
        }
    }

    @Test func everyOutputIsWellFormedAndInert() {
        var sanitizer = HTMLSanitizer()
        for testCase in allSanitizerCases {
            let html = sanitizer.clean(testCase.input, baseURL: testCase.baseURL).html
            let problems = SanitizedMarkupAudit.problems(in: html)
            #expect(problems.isEmpty, "\(testCase.name): \(problems)")
        }
    }

    /// Random soups of dangerous and ordinary pieces: output stays safe, well-formed and stable.
    @Test func randomTagSoupStaysSafeAndStable() {
        let pieces = [
            "<p>", "</p>", "<b>", "</b>", "<i>", "<a href=\"javascript:steal()\">", "<a href=\"/ok\">", "</a>",
            "<script>steal()</script>", "<style>x{}</style>", "<img src=x onerror=steal()>", "<section>",
            "</section>", "<div>", "</div>", "<ul>", "<li>", "</ul>", "<table>", "<tr>", "<td>", "</td>",
            "</table>", "word", " ", "\n", "&amp;", "&nbsp;", "&#8217;", "&lt;", "<!--", "-->", "<svg>",
            "</svg>", "<iframe>", "<br>", "<hr>", "<pre>", "</pre>", "<h2>", "</h2>", "<font>", "</font>",
            "<center>", "<q cite='javascript:steal()'>", "\"", "'", "<", ">", "&", "<![CDATA[", "]]>",
            "<noscript>", "</noscript>", "<span style='x'>", "</span>", "<em>", "<blockquote>", "<figure>",
            "<figcaption>", "<dl><dt>", "<dd>", "<caption>", "<tbody>", "<th>", "<mark>", "<textarea>",
            "</textarea>", "<title>", "</title>", "</body>", "<body>", "<html>", "</html>", "<head>",
            "<listing>", "<small>", "<sub>", "<code>", "<time datetime=now>", "<del>", "<ins>", "<h1>",
            "<p title=\"t\">", "<td colspan=2>", "<a href='  java&#x0A;script:steal()'>", "<img src=\"data:x\">",
            "<x-widget>", "</x-widget>", "<blink>", "</blink>", "<option>", "<li>", "</li>", "<dt>", "<thead>",
            "<tfoot>", "<h3>", "<ol>", "</ol>", "<abbr>", "<u>", "<s>", "<strong>", "</strong>", "<sup>",
            "</figure>", "<article>", "</article>", "<header>", "<nav>", "<embed>", "<object>", "</object>",
            "<form>", "</form>", "<math>", "<template>", "</template>", "<select>", "<button>", "<base>",
            "\u{E9}", "\u{6771}", "&#", "&#x", "&#12", "&#x1F600;", "<?php x ?>", "<!DOCTYPE html>", "<a href=\"",
            "<p ", "=", "<a title='", String(repeating: "a longer run of text ", count: 20), "</", "<!", "<!-",
            "\u{0}", "\u{7}",
        ]
        var random = SplitMix64(seed: 0x5EED)
        var sanitizer = HTMLSanitizer()
        let base = URL(string: "https://example.com/feed/")
        for _ in 0..<4000 {
            let count = Int(random.next() % 60) + 1
            let input = (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let once = sanitizer.clean(input, baseURL: base)
            let problems = SanitizedMarkupAudit.problems(in: once.html)
            #expect(problems.isEmpty, "\(input.debugDescription) -> \(once.html.debugDescription): \(problems)")
            let twice = sanitizer.clean(once.html, baseURL: base)
            #expect(twice.html == once.html, "\(input.debugDescription) -> \(once.html.debugDescription)")
        }
    }

    /// One instance reuses its libxml2 context; thousands of calls must give what fresh instances give.
    @Test func reusedInstanceMatchesFreshInstances() {
        let inputs = allSanitizerCases.map { ($0.input, $0.baseURL) }
        let expected = inputs.map { input, base in
            var fresh = HTMLSanitizer()
            return fresh.clean(input, baseURL: base)
        }
        var reused = HTMLSanitizer()
        for round in 0..<40 {
            for (index, (input, base)) in inputs.enumerated() {
                let result = reused.clean(input, baseURL: base)
                #expect(result == expected[index], "round \(round): \(input.debugDescription)")
                _ = reused.text(input)
            }
        }
    }

    /// Made-up element names pile up in libxml2's name dictionary; the sanitizer must keep working
    /// when it replaces a context that has grown too large.
    @Test func survivesManyDistinctElementNames() {
        var sanitizer = HTMLSanitizer()
        for batch in 0..<300 {
            let input = (0..<100).map { "<x\(batch)-\($0) data-\($0)=\"v\">t</x\(batch)-\($0)>" }.joined()
            let result = sanitizer.clean(input, baseURL: nil)
            #expect(result.html == String(repeating: "t", count: 100))
        }
        let after = sanitizer.clean("<p>Still <b>fine</b></p><script>steal()</script>", baseURL: nil)
        #expect(after.html == "<p>Still <b>fine</b></p>")
        #expect(after.text == "Still fine")
    }

    @Test func deepNestingIsClosed() {
        var sanitizer = HTMLSanitizer()
        let input = String(repeating: "<div><b>", count: 2000) + "deep"
        let result = sanitizer.clean(input, baseURL: nil)
        #expect(
            result.html == String(repeating: "<div><b>", count: 2000) + "deep"
                + String(repeating: "</b></div>", count: 2000))
        #expect(result.text == "deep")
    }

    @Test func largeFragmentRoundTrips() {
        var sanitizer = HTMLSanitizer()
        let paragraph = "<p>Some words &amp; a <a href=\"/l\">link</a>.</p>"
        let input = String(repeating: paragraph, count: 20_000)
        let result = sanitizer.clean(input, baseURL: URL(string: "https://example.com/"))
        let cleaned = "<p>Some words &amp; a <a href=\"https://example.com/l\">link</a>.</p>"
        #expect(result.html == String(repeating: cleaned, count: 20_000))
        #expect(result.text.split(separator: "\n").count == 20_000)
    }

    /// The audit used above must itself reject what it is meant to catch.
    @Test(arguments: [
        "<script>x</script>", #"<a href="javascript:x">l</a>"#, #"<a href=" https://x">l</a>"#,
        #"<p onclick="x">p</p>"#, #"<p style="x">p</p>"#, "<b>unclosed", "<b><i>crossed</b></i>", "a > b",
        "<img src=x>", "AT&T", #"<img src="data:image/png,x">"#, "<iframe></iframe>",
    ])
    func auditRejectsUnsafeMarkup(_ html: String) {
        #expect(!SanitizedMarkupAudit.problems(in: html).isEmpty)
    }

    private func check(_ testCase: SanitizerCase, sourceLocation: SourceLocation = #_sourceLocation) {
        var sanitizer = HTMLSanitizer()
        let result = sanitizer.clean(testCase.input, baseURL: testCase.baseURL)
        #expect(result.html == testCase.html, sourceLocation: sourceLocation)
        #expect(result.text == testCase.text, sourceLocation: sourceLocation)
        let problems = SanitizedMarkupAudit.problems(in: result.html)
        #expect(problems.isEmpty, "\(problems)", sourceLocation: sourceLocation)
        if testCase.input.contains("steal()") && !testCase.html.contains("steal()") {
            #expect(!result.text.contains("steal()"), sourceLocation: sourceLocation)
        }
    }
}

/// An independent reading of sanitizer output: it must consist of escaped text and allowed tags with
/// allowed, double-quoted attributes, every non-void element closed in order.
private enum SanitizedMarkupAudit {
    static let voidElements: Set<String> = ["br", "hr", "img"]
    static let elements: Set<String> = [
        "p", "br", "a", "b", "strong", "i", "em", "u", "s", "blockquote", "q", "cite", "code", "pre", "ul", "ol",
        "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot", "tr", "td",
        "th", "caption", "img", "figure", "figcaption", "span", "div", "sub", "sup", "small", "abbr", "time", "hr",
        "del", "ins", "mark",
    ]
    static let globalAttributes: Set<String> = ["title", "lang", "dir"]
    static let attributes: [String: Set<String>] = [
        "a": ["href"], "img": ["src", "alt", "width", "height"], "td": ["colspan", "rowspan"],
        "th": ["colspan", "rowspan"], "time": ["datetime"], "del": ["datetime"], "ins": ["datetime"],
        "q": ["cite"], "blockquote": ["cite"],
    ]
    static let urlAttributes: Set<String> = ["href", "src", "cite"]

    static func problems(in html: String) -> [String] {
        var problems: [String] = []
        var open: [String] = []
        let bytes = Array(html.utf8)
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "<"):
                guard let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")) else {
                    return problems + ["unterminated tag"]
                }
                let tag = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
                problems += audit(tag: tag, open: &open)
                index = close + 1
            case UInt8(ascii: ">"), UInt8(ascii: "\""):
                problems.append("raw \(Character(UnicodeScalar(bytes[index]))) in text")
                index += 1
            case UInt8(ascii: "&"):
                let rest = String(decoding: bytes[index..<min(bytes.count, index + 6)], as: UTF8.self)
                if !["&amp;", "&lt;", "&gt;", "&quot;"].contains(where: rest.hasPrefix) {
                    problems.append("bare & in text")
                }
                index += 1
            default:
                index += 1
            }
        }
        if !open.isEmpty { problems.append("unclosed \(open)") }
        return problems + forbiddenMarkers(in: html)
    }

    /// The plain substring checks, made on the markup with attribute values blanked out, since a title
    /// may quote anything harmlessly (URL values are checked by scheme above).
    private static func forbiddenMarkers(in html: String) -> [String] {
        var view = ""
        var inValue = false
        var previous: Character = " "
        for character in html {
            if inValue {
                if character == "\"" { inValue = false }
                continue
            }
            if character == "\"" && previous == "=" { inValue = true }
            view.append(character)
            previous = character
        }
        let lowered = view.lowercased()
        var found = [
            "<script", "<iframe", "<svg", "<math", "<style", "<object", "<embed", "<form", "<link", "<meta",
            "<base", "javascript:", "vbscript:", " style=", " class=", " id=", " srcset=",
        ]
        .filter { lowered.contains($0) }
        if lowered.range(of: #" on[a-z]+="#, options: .regularExpression) != nil { found.append("event attribute") }
        return found
    }

    private static func audit(tag: String, open: inout [String]) -> [String] {
        if tag.hasPrefix("/") {
            let name = String(tag.dropFirst())
            guard open.last == name else { return ["end tag </\(name)> does not match \(open.last ?? "nothing")"] }
            open.removeLast()
            return []
        }
        var scanner = tag[...]
        let name = String(scanner.prefix { $0.isLetter || $0.isNumber })
        scanner = scanner.dropFirst(name.count)
        guard elements.contains(name) else { return ["element <\(name)> emitted"] }
        var problems: [String] = []
        while !scanner.isEmpty {
            guard scanner.first == " " else { return problems + ["junk in <\(tag)>"] }
            scanner = scanner.dropFirst()
            let attribute = String(scanner.prefix { $0 != "=" })
            scanner = scanner.dropFirst(attribute.count)
            guard scanner.hasPrefix("=\""), let end = scanner.dropFirst(2).firstIndex(of: "\"") else {
                return problems + ["unquoted attribute in <\(tag)>"]
            }
            let value = String(scanner[scanner.index(scanner.startIndex, offsetBy: 2)..<end])
            scanner = scanner[scanner.index(after: end)...]
            if !globalAttributes.contains(attribute) && !(attributes[name]?.contains(attribute) ?? false) {
                problems.append("attribute \(attribute) on <\(name)>")
            }
            if value.contains("<") || value.contains(">") { problems.append("raw angle bracket in \(attribute)") }
            if urlAttributes.contains(attribute) {
                let decoded = value.replacingOccurrences(of: "&amp;", with: "&")
                let lowered = decoded.lowercased()
                let schemeEnd = lowered.firstIndex(of: ":")
                let pathStart = lowered.firstIndex { "/?#".contains($0) }
                if let schemeEnd, pathStart.map({ schemeEnd < $0 }) ?? true {
                    let scheme = lowered[..<schemeEnd]
                    if !["http", "https", "mailto"].contains(scheme) {
                        problems.append("\(attribute) with scheme \(scheme)")
                    }
                }
                if decoded.unicodeScalars.contains(where: { $0.value < 0x21 }) {
                    problems.append("\(attribute) with whitespace or controls")
                }
            }
        }
        if !voidElements.contains(name) { open.append(name) }
        return problems
    }
}

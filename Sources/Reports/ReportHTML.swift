import Corroboration
import Foundation

/// The corroboration report as one self-contained HTML file: no script, no external asset, a
/// Content-Security-Policy that forbids both, every feed string escaped and isolated (so that a
/// hostile title can neither run nor reverse the text around it), and links only to http(s) URLs.
public struct ReportHTMLRenderer: Sendable {
    public init() {}

    public func render(_ report: CorroborationReport) -> String {
        let story = report.story
        let h = Escape.html
        let title = story.title.isEmpty ? "(untitled)" : story.title
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
            <meta name="referrer" content="no-referrer">
            <title>Story \(story.id): \(h(title)) · Corroborate</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            <header>
            <h1><span class="id">Story \(story.id)</span> <bdi>\(h(title))</bdi></h1>

            """
        let outlets = story.outlets.map { "<bdi>\(h(report.outletName($0)))</bdi>" }.joined(separator: ", ")
        out += "<p class=\"meta\">\(ReportDate.span(story.firstSeen, story.lastSeen)) · \(story.items.count) reports "
        out += "· \(story.independentOrigins) independent origins · \(outlets)</p>\n<p class=\"counts\">"
        let counts = report.statusCounts
        for status in [ClaimStatus.contested, .corroborated, .attributed, .singleSource] {
            out += "<span class=\"badge \(status.rawValue)\">\(counts[status] ?? 0) \(status.rawValue)</span> "
        }
        out += "</p>\n</header>\n<main>\n"
        out += glance(report)
        out += chart(report)
        out += conflicts(report)
        out += claims(report)
        out += matrix(report)
        out += timeline(report)
        out +=
            "</main>\n<footer>Corroborate · generated from the store; every verdict links to its evidence.</footer>\n"
        out += "</body>\n</html>\n"
        return out
    }

    /// What is contested, what is established, whose word the rest is.
    func glance(_ report: CorroborationReport) -> String {
        let h = Escape.html
        let contested = report.claims.filter { $0.status == .contested }.prefix(3)
        let established = report.claims.filter { $0.status == .corroborated }.prefix(3)
        let voices = report.voices.prefix(4)
        guard !contested.isEmpty || !established.isEmpty || !voices.isEmpty else { return "" }
        var out = "<section id=\"glance\"><h2>At a glance</h2>\n<ul class=\"glance\">\n"
        for claim in contested {
            out +=
                "<li><span class=\"badge contested\">contested</span> <a href=\"#claim-\(claim.number)\"><bdi>\(h(claim.text))</bdi></a> "
            out += "<span class=\"why\"><bdi>\(h(claim.reason))</bdi></span></li>\n"
        }
        for claim in established {
            out +=
                "<li><span class=\"badge corroborated\">established</span> <a href=\"#claim-\(claim.number)\"><bdi>\(h(claim.text))</bdi></a> "
            out += "<span class=\"why\"><bdi>\(h(claim.reason))</bdi></span></li>\n"
        }
        for voice in voices {
            out += "<li><span class=\"badge attributed\">their word</span> "
            out += "<bdi>\(h(CorroborationReport.describe(voice)))</bdi></li>\n"
        }
        return out + "</ul></section>\n"
    }

    /// Bars per claim: independent origins for it (green), reports against it (red), relays (grey).
    func chart(_ report: CorroborationReport) -> String {
        let claims = Array(report.claims.filter { $0.status != .singleSource }.prefix(24))
        guard !claims.isEmpty else { return "" }
        let maximum = max(
            1, claims.map { $0.independentOrigins + $0.contradictingOrigins + $0.discussing.count }.max()!)
        let row = 22
        let labelWidth = 46
        let barWidth = 520
        let height = claims.count * row + 28
        var svg =
            "<section id=\"agreement\"><h2>Agreement</h2>\n<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(labelWidth + barWidth + 130) \(height)\" "
            + "width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\"><title>Independent origins for and against each claim</title>\n"
        for (index, claim) in claims.enumerated() {
            let y = index * row + 4
            let unit = Double(barWidth) / Double(maximum)
            var x = Double(labelWidth)
            svg += "<text x=\"0\" y=\"\(y + 14)\" class=\"label\">\(claim.number)</text>"
            let parts: [(Int, String, String)] = [
                (claim.independentOrigins, "for", claim.independentOrigins == 1 ? "origin for" : "origins for"),
                (claim.contradictingOrigins, "against", "against"), (claim.discussing.count, "relay", "relaying"),
            ]
            for (count, kind, words) in parts where count > 0 {
                let width = unit * Double(count)
                svg +=
                    "<rect x=\"\(Int(x))\" y=\"\(y)\" width=\"\(max(2, Int(width)))\" height=\"16\" class=\"\(kind)\">"
                svg += "<title>claim \(claim.number): \(count) \(words)</title></rect>"
                x += width
            }
            svg += "<text x=\"\(Int(x) + 6)\" y=\"\(y + 14)\" class=\"value\">\(claim.independentOrigins)"
            svg += claim.contradictingOrigins > 0 ? " / \(claim.contradictingOrigins) against" : ""
            svg += "</text>\n"
        }
        let legendY = claims.count * row + 20
        svg += "<rect x=\"\(labelWidth)\" y=\"\(legendY - 10)\" width=\"10\" height=\"10\" class=\"for\"/>"
        svg += "<text x=\"\(labelWidth + 14)\" y=\"\(legendY)\" class=\"legend\">independent origins for</text>"
        svg += "<rect x=\"\(labelWidth + 170)\" y=\"\(legendY - 10)\" width=\"10\" height=\"10\" class=\"against\"/>"
        svg += "<text x=\"\(labelWidth + 184)\" y=\"\(legendY)\" class=\"legend\">against</text>"
        svg += "<rect x=\"\(labelWidth + 250)\" y=\"\(legendY - 10)\" width=\"10\" height=\"10\" class=\"relay\"/>"
        svg += "<text x=\"\(labelWidth + 264)\" y=\"\(legendY)\" class=\"legend\">relays</text>"
        svg += "</svg></section>\n"
        return svg
    }

    func conflicts(_ report: CorroborationReport) -> String {
        guard !report.conflicts.isEmpty else { return "" }
        var out = "<section id=\"conflicts\"><h2>Conflicts</h2>\n"
        for conflict in report.conflicts {
            out += "<div class=\"conflict\"><h3><span class=\"kind\">\(conflict.kind.rawValue)</span> "
            out +=
                "<bdi>\(Escape.html(conflict.detail))</bdi> <a href=\"#claim-\(conflict.claim)\">claim \(conflict.claim)</a></h3>\n"
            out += "<div class=\"sides\">" + side(conflict.first, report) + "<div>"
            out += conflict.others.map { side($0, report) }.joined() + "</div></div></div>\n"
        }
        return out + "</section>\n"
    }

    func side(_ evidence: CorroborationReport.Evidence, _ report: CorroborationReport) -> String {
        var out = "<div class=\"side\"><p class=\"who\"><strong><bdi>\(Escape.html(evidence.outletName))</bdi></strong>"
        if let speaker = evidence.speaker { out += " quoting <bdi>\(Escape.html(speaker))</bdi>" }
        out += " <time>\(ReportDate.short(evidence.published))</time></p>"
        out += "<blockquote><bdi>\(Escape.html(evidence.sentence))</bdi></blockquote>"
        out += link(evidence.link, "source") + "</div>"
        return out
    }

    func claims(_ report: CorroborationReport) -> String {
        var out = "<section id=\"claims\"><h2>Claims</h2>\n"
        let singles = report.claims.filter { $0.status == .singleSource }
        for claim in report.claims where claim.status != .singleSource { out += self.claim(claim) }
        if !singles.isEmpty {
            out += "<details class=\"singles\"><summary>\(singles.count) single-source claims</summary>\n"
            for claim in singles { out += self.claim(claim) }
            out += "</details>\n"
        }
        if report.claims.isEmpty { out += "<p>No claims extracted yet.</p>\n" }
        return out + "</section>\n"
    }

    func claim(_ claim: CorroborationReport.ClaimEntry) -> String {
        let h = Escape.html
        var out = "<article class=\"claim \(claim.status.rawValue)\" id=\"claim-\(claim.number)\">"
        out += "<p class=\"head\"><span class=\"n\">\(claim.number)</span> "
        out += "<span class=\"badge \(claim.status.rawValue)\">\(claim.status.rawValue)</span> "
        out += "<bdi class=\"text\">\(h(claim.text))</bdi></p>\n<p class=\"why\">"
        if let speaker = claim.speaker { out += "Speaker: <bdi>\(h(speaker.name))</bdi> · " }
        out +=
            "<bdi>\(h(claim.reason))</bdi> · confidence \(String(format: "%.2f", claim.confidence)) · slot \(claim.slot.rawValue)</p>\n"
        out += evidenceList("Supported by", claim.supporting, open: claim.status == .contested)
        out += evidenceList("Contradicted by", claim.contradicting, open: true)
        out += evidenceList("Relayed or discussed by", claim.discussing, open: false)
        return out + "</article>\n"
    }

    func evidenceList(_ heading: String, _ evidence: [CorroborationReport.Evidence], open: Bool) -> String {
        guard !evidence.isEmpty else { return "" }
        var out =
            "<details\(open ? " open" : "")><summary>\(heading) \(evidence.count) report\(evidence.count == 1 ? "" : "s")</summary><ul class=\"evidence\">\n"
        for item in evidence {
            out += "<li><strong><bdi>\(Escape.html(item.outletName))</bdi></strong>"
            if item.syndication != .original { out += " <span class=\"syn\">\(item.syndication.rawValue)</span>" }
            out += " <time>\(ReportDate.short(item.published))</time>"
            if let speaker = item.speaker { out += " · <bdi>\(Escape.html(speaker))</bdi>" }
            if let detail = item.detail { out += " · <em><bdi>\(Escape.html(detail))</bdi></em>" }
            out += "<br><q><bdi>\(Escape.html(item.sentence))</bdi></q> " + link(item.link, "link") + "</li>\n"
        }
        return out + "</ul></details>\n"
    }

    func matrix(_ report: CorroborationReport) -> String {
        let columns = report.claims.filter { $0.status != .singleSource }
        guard !columns.isEmpty, report.outlets.count > 1 else { return "" }
        var out =
            "<section id=\"matrix\"><h2>Outlets × claims</h2>\n<p class=\"legend\">✓ asserts · ✗ contradicts · ~ relays or discusses</p>\n"
        out += "<div class=\"scroll\"><table><thead><tr><th>Outlet</th>"
        for claim in columns { out += "<th><a href=\"#claim-\(claim.number)\">\(claim.number)</a></th>" }
        out += "</tr></thead><tbody>\n"
        for outlet in report.outlets {
            out += "<tr><th><bdi>\(Escape.html(report.outletName(outlet)))</bdi></th>"
            for claim in columns {
                switch claim.relation(of: outlet) {
                case .supports: out += "<td class=\"for\">✓</td>"
                case .contradicts: out += "<td class=\"against\">✗</td>"
                case .discusses, .unrelated: out += "<td class=\"relay\">~</td>"
                case nil: out += "<td></td>"
                }
            }
            out += "</tr>\n"
        }
        return out + "</tbody></table></div></section>\n"
    }

    func timeline(_ report: CorroborationReport) -> String {
        var out = "<section id=\"timeline\"><h2>Timeline</h2>\n<ol class=\"timeline\">\n"
        for entry in report.timeline {
            let item = entry.item
            out +=
                "<li><time>\(ReportDate.short(item.published))</time> <strong><bdi>\(Escape.html(report.outletName(item.outletID)))</bdi></strong> "
            out += linkedTitle(item.title ?? "(untitled)", item.link)
            if !item.creditedOutlets.isEmpty {
                out +=
                    " <span class=\"syn\">credits "
                    + item.creditedOutlets.map { "<bdi>\(Escape.html(report.outletName($0)))</bdi>" }.joined(
                        separator: ", ") + "</span>"
            }
            if !entry.followers.isEmpty {
                out +=
                    "<details><summary>\(entry.followers.count) cop\(entry.followers.count == 1 ? "y" : "ies") and derived reports</summary><ul>"
                for follower in entry.followers {
                    out +=
                        "<li>\(follower.relation == .derived ? "derived" : "copy"): <bdi>\(Escape.html(report.outletName(follower.outletID)))</bdi>, "
                    out +=
                        "<time>\(ReportDate.short(follower.published))</time> "
                        + linkedTitle(follower.title ?? "(untitled)", follower.link) + "</li>"
                }
                out += "</ul></details>"
            }
            out += "</li>\n"
        }
        return out + "</ol></section>\n"
    }

    func link(_ url: String?, _ label: String) -> String {
        guard let safe = Escape.safeLink(url) else { return "" }
        return "<a href=\"\(Escape.html(safe))\" rel=\"noopener noreferrer nofollow\">\(label)</a>"
    }

    func linkedTitle(_ title: String, _ url: String?) -> String {
        guard let safe = Escape.safeLink(url) else { return "<bdi>\(Escape.html(title))</bdi>" }
        return
            "<a href=\"\(Escape.html(safe))\" rel=\"noopener noreferrer nofollow\"><bdi>\(Escape.html(title))</bdi></a>"
    }

    static let css = """
        :root{--for:#1a7f37;--against:#cf222e;--relay:#8c959f;--attr:#0969da;--single:#9a6700;--ink:#1f2328;--muted:#59636e;--line:#d0d7de}
        *{box-sizing:border-box}body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);max-width:1100px;margin:0 auto;padding:1.5rem;overflow-wrap:anywhere}
        h1{font-size:1.5rem;margin:0 0 .3rem}h1 .id{color:var(--muted);font-weight:400}h2{border-bottom:1px solid var(--line);padding-bottom:.2rem;margin-top:2rem}
        bdi{unicode-bidi:isolate}.meta,.why,footer,.legend,time{color:var(--muted)}.meta,.why{margin:.2rem 0}
        .badge{display:inline-block;border-radius:1em;padding:0 .6em;font-size:.8rem;font-weight:600;color:#fff;text-transform:uppercase;white-space:nowrap}
        .badge.contested{background:var(--against)}.badge.corroborated{background:var(--for)}.badge.attributed{background:var(--attr)}.badge.single-source{background:var(--single)}
        .claim{border-left:4px solid var(--line);padding:.3rem .8rem;margin:.8rem 0}.claim.contested{border-color:var(--against)}.claim.corroborated{border-color:var(--for)}.claim.attributed{border-color:var(--attr)}
        .claim .head{margin:0;font-size:1.05rem}.claim .n{color:var(--muted);font-weight:600}
        ul.evidence{margin:.3rem 0;padding-left:1.2rem}ul.evidence li{margin:.3rem 0}q{quotes:"“" "”"}.syn{font-size:.8rem;color:var(--muted);border:1px solid var(--line);border-radius:3px;padding:0 .3em}
        .conflict{border:1px solid var(--line);border-radius:6px;padding:.5rem .8rem;margin:.8rem 0}.conflict h3{margin:.2rem 0;font-size:1rem}.conflict .kind{color:var(--against);text-transform:uppercase;font-size:.85rem}
        .sides{display:grid;grid-template-columns:1fr 1fr;gap:1rem}.side blockquote{margin:.3rem 0;padding-left:.6rem;border-left:3px solid var(--line)}.who{margin:0}
        @media (max-width:700px){.sides{grid-template-columns:1fr}}
        .scroll{overflow-x:auto}table{border-collapse:collapse}th,td{border:1px solid var(--line);padding:.15rem .45rem;text-align:center}tbody th{text-align:left;font-weight:500;white-space:nowrap}
        td.for{color:var(--for)}td.against{color:var(--against);font-weight:700}td.relay{color:var(--relay)}
        svg.chart{max-width:760px}svg .for{fill:var(--for)}svg .against{fill:var(--against)}svg .relay{fill:var(--relay)}svg text{font-size:12px;fill:var(--ink)}
        ul.glance{list-style:none;padding:0}ul.glance li{margin:.3rem 0}ol.timeline{padding-left:1.2rem}ol.timeline li{margin:.25rem 0}footer{margin-top:3rem;font-size:.85rem}a{color:var(--attr)}
        """
}

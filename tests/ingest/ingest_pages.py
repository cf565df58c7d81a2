"""Article pages and feeds the ingestion tests serve and read (written by the project)."""

PARAGRAPHS = {
    "harbour": [
        "Dock workers in the port of Durban walked off the job on Tuesday, halting the loading of container ships for "
        "the second time this month in a dispute over night-shift pay.",
        "The union representing the workers said talks with the state port operator had broken down after the company "
        "refused to restore an allowance that was cut last year. Trucks queued for several kilometres outside the "
        "terminal gates by the afternoon.",
        "A spokeswoman for the operator said contingency plans were in place and that managers were working to keep "
        "the most urgent cargo moving, including medicines and fuel.",
    ],
    "election": [
        "Election officials in Lusaka began counting ballots on Thursday night after a vote that observers described "
        "as calm, although turnout appeared lower than in the last general election.",
        "The electoral commission said it expected to announce provisional results within three days. Both leading "
        "candidates urged their supporters to wait for the official figures and to avoid gathering outside tally centres.",
        "Observers from regional bodies said polling stations had opened on time in most districts, but reported "
        "shortages of ballot papers in two rural constituencies.",
    ],
    "drought": [
        "Herders in northern Kenya said on Monday that hundreds of cattle had died in the past month as a prolonged "
        "drought dried up water points across Marsabit county.",
        "County officials appealed to the national government for emergency water trucking and animal feed, warning "
        "that clashes between communities competing for pasture could increase if the rains failed again.",
        "Aid agencies said they were scaling up food distributions to families who had lost most of their herds.",
    ],
}


def html_page(key: str, title: str, published: str | None = None, site: str = "Test Gazette") -> str:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[key])
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>{meta}"
            f"<meta property='og:site_name' content='{site}'></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>© 2024 {site}</footer></body></html>")


def rss(items: list[dict], title: str = "Test Gazette") -> str:
    entries = []
    for item in items:
        content = f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>" if item.get("content") else ""
        entries.append(
            f"<item><title>{item['title']}</title><link>{item['link']}</link><guid>{item['link']}</guid>"
            f"<pubDate>{item['date']}</pubDate><description>{item.get('summary', 'A short teaser.')}</description>"
            f"{content}</item>")
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>{title}</title><link>http://example.invalid/</link><description>News</description>"
            + "".join(entries) + "</channel></rss>")

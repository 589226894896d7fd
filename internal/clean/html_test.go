package clean

// testPage is a small hand-written news page: navigation, an ad, the
// article with a figure, a footer.
const testPage = `<!DOCTYPE html><html><head><title>Iran says it won't seek permission | The Moscow Times</title>
<meta property="og:site_name" content="The Moscow Times">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2022-12-18T10:00:00+03:00">
<link rel="canonical" href="https://www.themoscowtimes.com/2022/12/18/iran-a79729">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/opinion">Opinion and analysis section</a></li></ul></nav>
<div class="ad">Advertisement: buy now, best prices on everything you need</div>
<article>
<h1>Iran Says It Won't Seek Permission</h1>
<p class="byline">By Jane Roe</p>
<figure><img src="a.jpg"><figcaption>President Ebrahim Raisi and President Vladimir Putin meeting in Tehran, Iran, Tuesday, July 19, 2022.</figcaption></figure>
<p>TEHRAN – Iran's Foreign Ministry said <b>Sunday</b> it would not “seek permission from anyone” to expand relations with Russia, dismissing U.S. concerns over a growing military partnership.</p>
<h2>Drones</h2>
<p>Western countries have accused Iran of supplying drones to Russia, allegedly used to attack Ukraine, and slapped sanctions on Tehran, which denies the allegations. <script>var x = 1;</script></p>
<p>CIA chief William Burns told PBS television on Friday that the military cooperation between Iran and Russia "poses real threats" to U.S. allies in the Middle East.</p>
<p>Iran's Foreign Ministry spokesperson Nasser Kanani called the comments "baseless" and said they were part of a "U.S. propaganda war against Iran."</p>
</article>
<footer><p>© 2022 The Moscow Times. All rights reserved.</p><a href="/about">About us</a> <a href="/contact">Contact the newsroom</a></footer>
</body></html>`

"""Prints the statistics table of a Gatling HTML report (read from a DOM dump on stdin) as text."""
import html
import re
import sys

page = sys.stdin.read()
table = page[page.find("StatsContainerId"):]
print(f"{'request':24} {'count':>7} {'KO':>4} {'req/s':>7} {'p50':>6} {'p75':>6} {'p95':>6} {'p99':>6} {'max':>6}")
for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S):
    cells = [html.unescape(re.sub("<[^>]+>", "", c)).strip() for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)]
    if len(cells) == 14 and cells[1].isdigit():
        name = re.sub(r"\s+0$", "", " ".join(cells[0].split())) or "?"
        print(f"{name:24} {cells[1]:>7} {cells[3]:>4} {cells[5]:>7} {cells[7]:>6} {cells[8]:>6} {cells[9]:>6} {cells[10]:>6} {cells[11]:>6}")

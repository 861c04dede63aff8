"""chromium_print.py: one web page printed to PDF by headless Chromium, for the fixture scripts
that make printed PDFs (make_printed.py, make_margins.py, make_justified.py). The PDFs are
committed, so the tests need no Chromium; only these scripts do."""
import os
import subprocess
import tempfile


def print_pdf(html, out, margins=False):
    """Print html to the PDF file out. margins=True keeps Chromium's default header and footer
    (date, title, address, page count), as a user's plain "Print to PDF" does."""
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "page.html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(html)
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu"]
                       + ([] if margins else ["--no-pdf-header-footer"])
                       + ["--print-to-pdf=" + out, src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

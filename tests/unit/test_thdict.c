/* test_thdict.c: libthai's dictionary read in place and our Thai breaker (src/run/thdict.h).
 *
 * The breaker must find the breaks libthai finds: on a Thai text of our own (names, numbers, ๆ
 * and ฯ, Latin inside, acronyms, words outside the dictionary, misspellings), over libthai's own
 * dictionary (libthai-data), and over small dictionaries made here, compared with libthai itself
 * when the build has it (HAVE_LIBTHAI; libthai-dev). The reader is a parser of untrusted bytes:
 * every truncation of a dictionary, damaged cells, counts and lengths, and random damage are
 * refused with a reason or read without a read outside the bytes (ASan, valgrind), never a
 * crash. */
#include <criterion/criterion.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "run/thdict.h"

#ifdef HAVE_LIBTHAI
#include <thai/thbrk.h>
#include <thai/thwbrk.h>
#include <wchar.h>
#endif

#define LIBTHAI_DICT "/usr/share/libthai/thbrk.tri"

/* ------------------------------------------------------------------ texts */

/* UTF-8 to code points (the texts here are valid). */
static size_t decode(const char *s, int32_t *cp)
{
	size_t k = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		if (*p < 0x80) {
			cp[k++] = *p++;
		} else if ((*p & 0xE0) == 0xC0) {
			cp[k++] = (*p & 0x1F) << 6 | (p[1] & 0x3F);
			p += 2;
		} else if ((*p & 0xF0) == 0xE0) {
			cp[k++] = (*p & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F);
			p += 3;
		} else {
			cp[k++] = (*p & 0x07) << 18 | (p[1] & 0x3F) << 12 | (p[2] & 0x3F) << 6 | (p[3] & 0x3F);
			p += 4;
		}
	}
	return k;
}

/* The text with '|' where d breaks it. */
static char *show_breaks(const rl_thdict *d, const char *text)
{
	size_t len = strlen(text);
	int32_t *cp = malloc((len + 1) * sizeof *cp);
	int *pos = malloc((len + 1) * sizeof *pos);
	size_t n = decode(text, cp);
	int k = rl_thdict_breaks(d, cp, n, pos, n + 1);
	cr_assert_geq(k, 0);
	char *out = malloc(len + (size_t)k + 1), *o = out;
	const unsigned char *p = (const unsigned char *)text;
	int b = 0;
	for (size_t i = 0; i < n; i++) {
		if (b < k && pos[b] == (int)i)
			*o++ = '|', b++;
		size_t l = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
		memcpy(o, p, l);
		o += l, p += l;
	}
	*o = 0;
	free(cp);
	free(pos);
	return out;
}

/* A text of our own: a school newsletter, with what real Thai text mixes in. */
static const char *const text[] = {
	"ฉันชอบกินข้าวผัดกับไข่ดาวทุกวัน",
	"วันจันทร์ที่ 12 มกราคม พ.ศ. 2568 โรงเรียนบ้านหนองบัวจัดงานวันเด็ก",
	"คุณสมชาย ใจดี ผู้อำนวยการ กล่าวต้อนรับผู้ปกครองกว่า ๑๒๐ คน",
	"เด็กๆ เล่นเกมกันสนุกสนาน ร้องเพลงชาติไทย แล้วกินขนมกันอย่างมีความสุข",
	"กรุงเทพฯ เป็นเมืองหลวงของประเทศไทย มีประชากรประมาณ 10.7 ล้านคน",
	"นักเรียนชั้น ป.6 ไปทัศนศึกษาที่พิพิธภัณฑ์วิทยาศาสตร์ (National Science Museum) ด้วยรถบัส",
	"ครูสอนภาษาอังกฤษชื่อ Mr. John Smith มาจากประเทศอังกฤษ สอนที่นี่มา 3 ปีแล้ว",
	"ค่าอาหารกลางวันมื้อละ 25 บาท หรือ ฿500 ต่อเดือน ลดลง 10% จากปีที่แล้ว",
	"อีเมล school@example.org หรือเว็บไซต์ www.example.org/news?id=42&q=%E0%B8 สำหรับข่าวสาร",
	"ส่วนลดพิเศษ%ถึงสิ้นเดือน ราคา%ต่ำสุด discount% off",
	"ขอบคุณคุณแม่มะลิ คุณพ่อประยุทธ และคุณยายบุญมี ที่ช่วยทำอาหาร",
	"นายสุรเชษฐ์ วงศ์สวัสดิ์ และนางสาวกัลยาณี ศรีสุวรรณ ได้รับรางวัลครูดีเด่น",
	"ปีนี้ฝนตกหนักมาก น้ำท่วมถนนหน้าโรงเรียนหลายวัน นักเรียนต้องเดินลุยน้ำ",
	"คำสะกดผิด: โรงเรีนย อาหาน ความสุข์ กระดาด นักเรยน ขอบคุน",
	"คำที่ไม่มีในพจนานุกรม: ฟลุ๊คกี้ โคตรเจ๋ง ชิลๆ เกรียน มุ้งมิ้ง",
	"ชื่อเฉพาะ: เชียงใหม่ ขอนแก่น นครราชสีมา สุราษฎร์ธานี อุบลราชธานี",
	"ฯพณฯ นายกรัฐมนตรีเดินทางมาเยี่ยม ฯลฯ และกล่าวว่า \"การศึกษาคือรากฐาน\"",
	"เลขไทย ๐๑๒๓๔๕๖๗๘๙ และเลขอารบิก 0123456789 ปนกัน เช่น ๕ห้อง 7คน",
	"ก.ข.ค. ไม่ใช่คำย่อ แต่ ก.พ. และ ธ.ก.ส. คือคำย่อที่ใช้บ่อย",
	"เมื่อวานนี้ฉันไปตลาดนัดจตุจักรกับเพื่อนๆ ซื้อเสื้อผ้า รองเท้า และกระเป๋า",
	"ทุเรียนหมอนทอง มังคุด เงาะ ลำไย ลิ้นจี่ เป็นผลไม้ที่ขึ้นชื่อของภาคตะวันออก",
	"การประชุมผู้ปกครองครั้งที่ 2/2568 จะจัดขึ้นในวันเสาร์ เวลา 09:30-12:00 น.",
	"ตัวอักษรโบราณ ฃ ฅ และสระ ฤ ฤๅ ฦ ฦๅ ยังพบในวรรณคดี เช่น ฤดูฝน ฤๅษี",
	"ไม้ยมก ไม้ไต่คู้ การันต์: ก็ เก็บ ศักดิ์สิทธิ์ พระจันทร์ กษัตริย์ วันอาทิตย์",
	"เครื่องหมายวรรคตอน!? คำถาม? อัศเจรีย์! ‘อัญประกาศ’ “คำพูด” – ขีด — ยาว …",
	"สวัสดีครับสวัสดีค่ะขอบคุณมากครับยินดีที่ได้รู้จักนะคะแล้วพบกันใหม่",
	"กขคฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ",
	"เเปลกๆ ้่ ั ํา ำ เก้าอี้ ใไ ๆๆ ฯฯ",
	"ภาษาไทยThaiปนEnglishไม่เว้นวรรค และตัวเลข123ติดกัน",
};

#ifdef HAVE_LIBTHAI
/* libthai's breaks of cp[0..n) and ours, equal. */
static void expect_libthai(ThBrk *brk, const rl_thdict *d, const int32_t *cp, size_t n,
                           const char *what)
{
	wchar_t *w = malloc((n + 1) * sizeof *w);
	int *a = malloc((n + 1) * sizeof *a), *b = malloc((n + 1) * sizeof *b);
	for (size_t i = 0; i < n; i++)
		w[i] = (wchar_t)cp[i];
	w[n] = 0;
	int ka = th_brk_wc_find_breaks(brk, w, a, n + 1);
	int kb = rl_thdict_breaks(d, cp, n, b, n + 1);
	cr_assert_eq(kb, ka, "%s: %d breaks, libthai %d", what, kb, ka);
	for (int i = 0; i < ka; i++)
		cr_assert_eq(b[i], a[i], "%s: break %d at %d, libthai at %d", what, i, b[i], a[i]);
	/* and with room for fewer */
	for (size_t max = 1; max < (size_t)ka && max < 6; max++) {
		ka = th_brk_wc_find_breaks(brk, w, a, max);
		kb = rl_thdict_breaks(d, cp, n, b, max);
		cr_assert_eq(kb, ka, "%s, max %zu: %d breaks, libthai %d", what, max, kb, ka);
		cr_assert(memcmp(a, b, (size_t)ka * sizeof *a) == 0, "%s, max %zu", what, max);
	}
	free(w);
	free(a);
	free(b);
}

/* Every line, every run of Thai letters in it (as the tokenizer hands them over), and the whole
 * text as one line. */
static void expect_libthai_on_text(ThBrk *brk, const rl_thdict *d)
{
	size_t total = 0;
	for (size_t t = 0; t < sizeof text / sizeof *text; t++)
		total += strlen(text[t]) + 1;
	int32_t *cp = malloc(total * sizeof *cp), *all = malloc(total * sizeof *all);
	size_t nall = 0;
	for (size_t t = 0; t < sizeof text / sizeof *text; t++) {
		size_t n = decode(text[t], cp);
		char what[64];
		snprintf(what, sizeof what, "line %zu", t + 1);
		expect_libthai(brk, d, cp, n, what);
		for (size_t i = 0; i < n;) {
			size_t j = i;
			while (j < n && cp[j] >= 0x0E00 && cp[j] <= 0x0E7F)
				j++;
			snprintf(what, sizeof what, "line %zu, run at %zu", t + 1, i);
			if (j > i)
				expect_libthai(brk, d, cp + i, j - i, what);
			i = j > i ? j : i + 1;
		}
		memcpy(all + nall, cp, n * sizeof *cp);
		nall += n;
		all[nall++] = ' ';
	}
	expect_libthai(brk, d, all, nall, "the whole text");
	free(cp);
	free(all);
}
#endif

static rl_thdict *libthai_dict(void)
{
	rl_thdict *d;
	char why[128];
	int rc = rl_thdict_read(&d, LIBTHAI_DICT, why, sizeof why);
	if (rc != RL_THDICT_OK)
		cr_skip_test("no %s (libthai-data): %s", LIBTHAI_DICT, why);
	return d;
}

Test(thdict, words_of_libthai_dictionary)
{
	rl_thdict *d = libthai_dict();
	int32_t cp[32];
	cr_assert(rl_thdict_has_word(d, cp, decode("โรงเรียน", cp)));
	cr_assert(rl_thdict_has_word(d, cp, decode("ข้าว", cp)));
	cr_assert_not(rl_thdict_has_word(d, cp, decode("โรงเรีนย", cp)));
	cr_assert_not(rl_thdict_has_word(d, cp, decode("โรงเรีย", cp)), "a prefix is no word");
	cr_assert_not(rl_thdict_has_word(d, cp, decode("school", cp)));
	char *s = show_breaks(d, text[0]);
	cr_assert_str_eq(s, "ฉัน|ชอบ|กิน|ข้าว|ผัด|กับ|ไข่|ดาว|ทุก|วัน");
	free(s);
	/* ๆ and ฯ stay with the word before them; acronyms stay whole */
	s = show_breaks(d, "เด็กๆ เล่นกันที่กรุงเทพฯ ก.พ.");
	cr_assert_str_eq(s, "เด็กๆ |เล่น|กัน|ที่|กรุงเทพฯ |ก.พ.");
	free(s);
	rl_thdict_free(d);
}

Test(thdict, breaks_equal_libthai_on_a_text_of_ours)
{
#ifdef HAVE_LIBTHAI
	rl_thdict *d = libthai_dict();
	ThBrk *brk = th_brk_new(LIBTHAI_DICT);
	cr_assert_not_null(brk);
	expect_libthai_on_text(brk, d);
	th_brk_delete(brk);
	rl_thdict_free(d);
#else
	cr_skip_test("built without libthai (libthai-dev): nothing to compare with");
#endif
}

/* ------------------------------------------------------------------ dictionaries made here
 * libdatrie's format written from a word list: the alphabet U+0E01..U+0E5B (trie characters 1 to
 * 0x5B), a double array that branches while words share a prefix, and each word's rest in a tail
 * block of its own. */

typedef struct maker {
	int32_t base[4096], check[4096];
	int ncells;
	unsigned char tail[256][64];
	int tail_len[256], ntails;
} maker;

/* Words w[0..n) (trie characters, 0-terminated) share their first `depth` characters; node s. */
static void make_node(maker *m, int s, const unsigned char *const *w, int n, int depth)
{
	if (n == 1) {
		/* one word left: its rest goes to the tail */
		const unsigned char *rest = w[0] + depth;
		int t = m->ntails++;
		m->tail_len[t] = (int)strlen((const char *)rest);
		memcpy(m->tail[t], rest, (size_t)m->tail_len[t]);
		m->base[s] = -(t + 1);
		return;
	}
	unsigned char chars[256];
	int nc = 0;
	for (int i = 0; i < n; i++)
		if (nc == 0 || chars[nc - 1] != w[i][depth])
			chars[nc++] = w[i][depth];
	int b = 1;
	for (;; b++) {
		bool fits = true;
		for (int i = 0; i < nc && fits; i++)
			fits = b + chars[i] >= 3 && (b + chars[i] >= m->ncells || m->check[b + chars[i]] < 0);
		if (fits)
			break;
	}
	m->base[s] = b;
	for (int i = 0; i < nc; i++) {
		int c = b + chars[i];
		while (m->ncells <= c) {
			m->base[m->ncells] = 0;
			m->check[m->ncells++] = -1;
		}
		m->check[c] = s;
	}
	for (int i = 0, j; i < n; i = j) {
		for (j = i; j < n && w[j][depth] == w[i][depth]; j++)
			;
		if (w[i][depth] == 0) {
			m->base[b] = -(++m->ntails);  /* the word ends here: an empty rest */
			m->tail_len[m->ntails - 1] = 0;
		} else {
			make_node(m, b + w[i][depth], w + i, j - i, depth + 1);
		}
	}
}

static int cmp_words(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void put32(unsigned char **p, uint32_t v)
{
	(*p)[0] = (unsigned char)(v >> 24), (*p)[1] = (unsigned char)(v >> 16);
	(*p)[2] = (unsigned char)(v >> 8), (*p)[3] = (unsigned char)v;
	*p += 4;
}

/* The dictionary of the given words (UTF-8, Thai letters only) into out; its size. */
static size_t make_dict(unsigned char *out, const char *const *words, int n)
{
	static maker m;
	unsigned char keys[64][64];
	const unsigned char *w[64];
	for (int i = 0; i < n; i++) {
		int32_t cp[64];
		size_t k = decode(words[i], cp);
		for (size_t j = 0; j < k; j++)
			keys[i][j] = (unsigned char)(cp[j] - 0x0E00);
		keys[i][k] = 0;
		w[i] = keys[i];
	}
	qsort(w, (size_t)n, sizeof *w, cmp_words);
	memset(&m, 0, sizeof m);
	m.ncells = 3;
	m.base[1] = m.check[1] = -1;
	m.check[2] = 0;
	make_node(&m, 2, w, n, 0);
	unsigned char *p = out;
	put32(&p, 0xD9FCD9FC), put32(&p, 1), put32(&p, 0x0E01), put32(&p, 0x0E5B);
	put32(&p, 0xDAFCDAFC), put32(&p, (uint32_t)m.ncells);
	for (int i = 1; i < m.ncells; i++)
		put32(&p, (uint32_t)m.base[i]), put32(&p, (uint32_t)m.check[i]);
	put32(&p, 0xDFFCDFFC), put32(&p, 0), put32(&p, (uint32_t)m.ntails);
	for (int t = 0; t < m.ntails; t++) {
		put32(&p, 0xFFFFFFFF), put32(&p, 0);
		*p++ = (unsigned char)(m.tail_len[t] >> 8), *p++ = (unsigned char)m.tail_len[t];
		memcpy(p, m.tail[t], (size_t)m.tail_len[t]);
		p += m.tail_len[t];
	}
	return (size_t)(p - out);
}

static const char *const words[] = {
	"ฉัน", "ชอบ", "กิน", "ข้าว", "ข้าวผัด", "ผัด", "กับ", "ไข่", "ไข่ดาว", "ดาว", "ทุก", "วัน",
	"ทุกวัน", "โรง", "เรียน", "โรงเรียน", "นักเรียน", "นัก", "บ้าน", "ใกล้", "ไกล", "ตลาด", "แม่",
	"พ่อ", "ไป", "มา", "กรุงเทพ", "เด็ก", "เล่น", "กัน",
};
#define NWORDS ((int)(sizeof words / sizeof *words))

static rl_thdict *parse_ok(const unsigned char *b, size_t n)
{
	rl_thdict *d;
	char why[128] = "";
	cr_assert_eq(rl_thdict_parse(&d, b, n, why, sizeof why), RL_THDICT_OK, "refused: %s", why);
	return d;
}

Test(thdict, a_dictionary_made_here)
{
	static unsigned char dict[1 << 16];
	size_t n = make_dict(dict, words, NWORDS);
	rl_thdict *d = parse_ok(dict, n);
	int32_t cp[64];
	for (int i = 0; i < NWORDS; i++)
		cr_assert(rl_thdict_has_word(d, cp, decode(words[i], cp)), "%s", words[i]);
	cr_assert_not(rl_thdict_has_word(d, cp, decode("ข้า", cp)));
	cr_assert_not(rl_thdict_has_word(d, cp, decode("ข้าวผ", cp)));
	cr_assert_not(rl_thdict_has_word(d, cp, decode("โรงเรียนน", cp)));
	char *s = show_breaks(d, "ฉันชอบกินข้าวผัดกับไข่ดาวทุกวัน");
	cr_assert_str_eq(s, "ฉัน|ชอบ|กิน|ข้าวผัด|กับ|ไข่ดาว|ทุกวัน");
	free(s);
#ifdef HAVE_LIBTHAI
	/* libthai reads the same file and breaks the text of ours as we do */
	char path[] = "/tmp/redline-thdict-XXXXXX";
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	cr_assert_eq(write(fd, dict, n), (ssize_t)n);
	close(fd);
	ThBrk *brk = th_brk_new(path);
	cr_assert_not_null(brk, "libthai cannot read the dictionary made here");
	expect_libthai_on_text(brk, d);
	th_brk_delete(brk);
	unlink(path);
#endif
	rl_thdict_free(d);
}

/* ------------------------------------------------------------------ hostile dictionaries */

/* Break a text with d: breaks ascending, inside the text, no more than asked. */
static void break_safely(const rl_thdict *d)
{
	static int32_t cp[4096];
	int pos[4097];
	for (size_t t = 0; t < sizeof text / sizeof *text; t += 3) {
		size_t n = decode(text[t], cp);
		for (size_t max = 3; max <= n + 1; max += n - 2) {
			int k = rl_thdict_breaks(d, cp, n, pos, max);
			cr_assert(k >= 0 && (size_t)k <= max, "%d breaks of at most %zu", k, max);
			for (int i = 0; i < k; i++)
				cr_assert(pos[i] > (i ? pos[i - 1] : 0) && (size_t)pos[i] < n);
		}
	}
}

/* Parsed or refused with a reason; when parsed, it breaks text safely. */
static bool parse_any(const unsigned char *b, size_t n)
{
	rl_thdict *d;
	char why[128] = "";
	int rc = rl_thdict_parse(&d, b, n, why, sizeof why);
	if (rc != RL_THDICT_OK) {
		cr_assert_eq(rc, RL_THDICT_BAD);
		cr_assert_null(d);
		cr_assert(why[0] && !strchr(why, '\n'), "no reason on one line: \"%s\"", why);
		return false;
	}
	break_safely(d);
	rl_thdict_free(d);
	return true;
}

Test(thdict, every_truncation_is_refused)
{
	static unsigned char dict[1 << 16];
	size_t n = make_dict(dict, words, NWORDS);
	for (size_t k = 0; k < n; k++) {
		/* an exact-size copy: ASan sees a read past it */
		unsigned char *b = malloc(k ? k : 1);
		memcpy(b, dict, k);
		cr_assert_not(parse_any(b, k), "cut at %zu of %zu bytes, yet read", k, n);
		free(b);
	}
	cr_assert(parse_any(dict, n));
}

Test(thdict, libthai_dictionary_cut_short_is_refused)
{
	FILE *fp = fopen(LIBTHAI_DICT, "rb");
	if (!fp)
		cr_skip_test("no %s (libthai-data)", LIBTHAI_DICT);
	static unsigned char dict[1 << 20];
	size_t n = fread(dict, 1, sizeof dict, fp);
	fclose(fp);
	for (size_t k = 0; k < n; k += 4099) {
		unsigned char *b = malloc(k ? k : 1);
		memcpy(b, dict, k);
		cr_assert_not(parse_any(b, k), "cut at %zu of %zu bytes, yet read", k, n);
		free(b);
	}
	cr_assert(parse_any(dict, n));
}

static void set32(unsigned char *p, uint32_t v)
{
	put32(&p, v);
}

/* Damage made on purpose: counts that run past the end, cells that point anywhere, suffixes of
 * negative length, an alphabet upside down. */
Test(thdict, damaged_dictionaries)
{
	static unsigned char good[1 << 16], b[1 << 16];
	size_t n = make_dict(good, words, NWORDS);
	size_t cells = 16 + 8, ncells = (good[cells - 4] << 24 | good[cells - 3] << 16 |
	                                 good[cells - 2] << 8 | good[cells - 1]);
	size_t tail = cells - 8 + 8 * ncells;
	struct {
		size_t at;
		uint32_t v;
		bool refused;
	} cases[] = {
		{0, 0xD9FCD9FD, true},                     /* no alphabet */
		{4, 0x7FFFFFFF, true},                     /* ranges past the end */
		{4, 300, true},                            /* too many ranges */
		{8, 0x0E5B, false}, {12, 0x0E01, false},   /* a range upside down: an empty alphabet */
		{12, 0xFFFFFFFF, false},                   /* an alphabet to the end of Unicode */
		{16, 0, true},                             /* no double array */
		{20, 0x7FFFFFFF, true}, {20, 0x80000000, true}, {20, 2, true},  /* cell counts */
		{cells + 16, 0x7FFFFFFF, false},           /* the root's base far away */
		{cells + 16, 0x80000000, false},           /* the root a tail block of INT_MIN */
		{cells + 16, 0xFFFFFF00, false},           /* the root a tail block past the tail */
		{cells + 20, 5, false},                    /* the root's check */
		{cells + 24, 0x80000001, false},           /* a cell to a block far past the tail */
		{cells + 28, 0x7FFFFFFF, false},
		{tail, 0, true},                           /* no tail */
		{tail + 8, 0x7FFFFFFF, true}, {tail + 8, 0xFFFFFFFF, true},  /* block counts */
		{tail + 8, 0, false},                      /* no blocks: every word's rest is missing */
		{tail + 20, 0xFFFF0000, true},             /* a negative suffix length */
		{tail + 20, 0x7FFF0000, true},             /* a suffix past the end */
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		memcpy(b, good, n);
		set32(b + cases[i].at, cases[i].v);
		bool read = parse_any(b, n);
		cr_assert_eq(!read, cases[i].refused, "case %zu (%08x at %zu): %s", i, cases[i].v,
		             cases[i].at, read ? "read" : "refused");
	}
	/* every cell's base and check, one at a time, to values that point anywhere */
	static const uint32_t wild[] = {0, 1, 2, 0x5B, 0xFFFFFFFF, 0x80000000, 0x7FFFFFFF, 0xFFFFFFA5};
	for (size_t c = 1; c < ncells; c++)
		for (size_t k = 0; k < 2 * sizeof wild / sizeof *wild; k++) {
			memcpy(b, good, n);
			set32(b + cells - 8 + 8 * c + 4 * (k & 1), wild[k / 2]);
			parse_any(b, n);
		}
}

/* Random damage, deterministic: bytes changed, inserted, dropped. */
Test(thdict, random_damage, .timeout = 600)
{
	static unsigned char good[1 << 16], b[1 << 16];
	size_t n = make_dict(good, words, NWORDS);
	uint64_t x = 0x9E3779B97F4A7C15ULL;
	int read = 0;
	for (int round = 0; round < 3000; round++) {
		memcpy(b, good, n);
		size_t m = n;
		for (int e = 0; e < 1 + round % 4; e++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			size_t at = (size_t)(x >> 16) % m;
			unsigned char v = (unsigned char)(x >> 8);
			switch (x % 4) {
			case 0: case 1: b[at] = v; break;
			case 2: memmove(b + at + 1, b + at, m - at), b[at] = v, m++; break;
			default: memmove(b + at, b + at + 1, m - at - 1), m--; break;
			}
		}
		read += parse_any(b, m);
	}
	cr_log_info("%d of 3000 damaged dictionaries read", read);
}

Test(thdict, a_file_that_cannot_be_read)
{
	rl_thdict *d;
	char why[128];
	cr_assert_eq(rl_thdict_read(&d, "/nonexistent/thbrk.tri", why, sizeof why), RL_THDICT_BAD);
	cr_assert_str_eq(why, "No such file or directory");
	cr_assert_eq(rl_thdict_read(&d, "/tmp", why, sizeof why), RL_THDICT_BAD);
	cr_assert_str_eq(why, "a directory");
	cr_assert_eq(rl_thdict_read(&d, SOURCE_DIR "/tests/scripts/thai-old.txt", why, sizeof why),
	             RL_THDICT_BAD);
	cr_assert_str_eq(why, "not a libdatrie trie (no alphabet)");
}

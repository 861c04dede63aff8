/* Tests for cjk.c: changes inside a run of Chinese characters joined, coincidental single
 * characters dissolved, characters kept between one-to-one swaps kept, and a heading never drawn
 * into the paragraph below it. Our own sentences. */
#include <criterion/criterion.h>
#include <string.h>

#include "align.h"
#include "cjk.h"
#include "ops_text.h"
#include "text_ctx.h"

static char *run(const char *a, const char *b)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	return diff_text(a, b, &o);
}

Test(cjk, a_vocabulary_swap_is_one_rewrite)
{
	/* 用户 -> 使用者 ("user"): the 用 they share is a coincidence, not a kept word. */
	char *got = run("我们的用户很多。", "我们的使用者很多。");
	cr_assert_str_eq(got, "= 我 们 的 | r 用 户 > 使 用 者 | = 很 多 。");
	free(got);
	/* 鼠标 -> 滑鼠 ("mouse"). */
	got = run("请移动鼠标到这里。", "请移动滑鼠到这里。");
	cr_assert_str_eq(got, "= 请 移 动 | r 鼠 标 > 滑 鼠 | = 到 这 里 。");
	free(got);
}

Test(cjk, a_changed_word_is_one_op_not_one_per_character)
{
	/* Simplified to Traditional: 这个 -> 這個 was two one-character replaces. */
	char *got = run("打开这个文件。", "打开這個文件。");
	cr_assert_str_eq(got, "= 打 开 | r 这 个 > 這 個 | = 文 件 。");
	free(got);
}

Test(cjk, a_character_kept_between_one_to_one_swaps_stays)
{
	/* 控制台基础 -> 控制臺基礎: 基 is the same character in both scripts. */
	char *got = run("控制台基础", "控制臺基礎");
	cr_assert_str_eq(got, "= 控 制 | r 台 > 臺 | = 基 | r 础 > 礎");
	free(got);
}

Test(cjk, spaced_text_and_punctuation_are_not_joined)
{
	/* A comma between two changes keeps them apart, as a space does in Latin text. */
	char *got = run("红色，大门", "蓝色，小门");
	cr_assert_str_eq(got, "r 红 > 蓝 | = 色 ， | r 大 > 小 | = 门");
	free(got);
}

Test(cjk, a_heading_is_not_drawn_into_the_next_paragraph)
{
	/* The last word of the heading and the first of the paragraph both changed: two rewrites. */
	char *got = run("1.2. 命令提示符\n\n启动系统之后，你会看到它。",
	                "1.2. 命令提示字元 (prompt)\n\n啟動系統之後，你會看到它。");
	cr_assert_not_null(strstr(got, "| r 符 > 字 元 ( prompt ) | r 启 动 > 啟 動 |"), "%s", got);
	free(got);
	/* Latin text too (it was an insertion of the new heading, then the old heading and the
	 * paragraph's first word rewritten as "Opening"). */
	got = run("Getting started\n\nFirst install it.", "A quick tour of it\n\nOpening install it.");
	cr_assert_str_eq(got, "r Getting started > A quick tour of it | r First > Opening | = install it .");
	free(got);
}

Test(cjk, a_word_that_shares_only_its_last_character_is_one_rewrite)
{
	/* 基督教 -> 道教 (Christianity -> Taoism) between brackets: two words that share their head
	 * 教, not 基督 -> 道 with 教 kept. */
	char *got = run("他说(基督教)很好", "他说(道教)很好");
	cr_assert_str_eq(got, "= 他 说 ( | r 基 督 教 > 道 教 | = ) 很 好");
	free(got);
	/* One-to-one swaps keep their shared last character: the same word, written otherwise. */
	got = run("见(系统)", "见(系統)");
	cr_assert_str_eq(got, "= 见 ( 系 | r 统 > 統 | = )");
	free(got);
}

Test(cjk, a_shared_first_character_or_a_longer_run_stays)
{
	/* 北京 -> 北海道: a shared first character is kept (a word grown or written otherwise is more
	 * often so than two words sharing their head). */
	char *got = run("他说(北京)很好", "他说(北海道)很好");
	cr_assert_str_eq(got, "= 他 说 ( 北 | r 京 > 海 道 | = ) 很 好");
	free(got);
	/* Inside a sentence the run goes on past 教: where the word ends is unknown, 教 stays. */
	got = run("信仰基督教的人很多。", "信仰道教的人很多。");
	cr_assert_str_eq(got, "= 信 仰 | r 基 督 > 道 | = 教 的 人 很 多 。");
	free(got);
}

/* Issue 13 (stop 30): on a list with no change that may be CJK characters and no op empty on
 * both sides the stage returns at once; a list that holds an empty op still loses it, and CJK
 * changes are still joined. */
Test(cjk, a_list_with_nothing_to_join_is_left_as_it_is)
{
	const char *a = "The old grey cat sat.", *b = "The young grey dog sat.";
	char got[256];
	rl_op plain[] = {{0, 1, 0, 1, 0, RL_OP_EQUAL, RL_QUOTE_NONE},
	                 {1, 2, 1, 2, 0, RL_OP_REPLACE, RL_QUOTE_NONE},
	                 {2, 3, 2, 3, 0, RL_OP_EQUAL, RL_QUOTE_NONE},
	                 {3, 4, 3, 4, 0, RL_OP_REPLACE, RL_QUOTE_NONE},
	                 {4, 6, 4, 6, 0, RL_OP_EQUAL, RL_QUOTE_NONE}};
	stage_ranges(a, b, rl_cjk_cleanup, plain, 5, got, sizeof got);
	cr_assert_str_eq(got, "= 0-1 0-1 | r 1-2 1-2 | = 2-3 2-3 | r 3-4 3-4 | = 4-6 4-6");
	rl_op with_empty[] = {{0, 1, 0, 1, 0, RL_OP_EQUAL, RL_QUOTE_NONE},
	                      {1, 2, 1, 2, 0, RL_OP_REPLACE, RL_QUOTE_NONE},
	                      {2, 3, 2, 3, 0, RL_OP_EQUAL, RL_QUOTE_NONE},
	                      {3, 3, 3, 3, 0, RL_OP_DELETE, RL_QUOTE_NONE},
	                      {3, 4, 3, 4, 0, RL_OP_REPLACE, RL_QUOTE_NONE},
	                      {4, 6, 4, 6, 0, RL_OP_EQUAL, RL_QUOTE_NONE}};
	stage_ranges(a, b, rl_cjk_cleanup, with_empty, 6, got, sizeof got);
	cr_assert_str_eq(got, "= 0-1 0-1 | r 1-2 1-2 | = 2-3 2-3 | r 3-4 3-4 | = 4-6 4-6");
	/* 这个 -> 這個 as two one-character replaces: one op. */
	rl_op han[] = {{0, 2, 0, 2, 0, RL_OP_EQUAL, RL_QUOTE_NONE},
	               {2, 3, 2, 3, 0, RL_OP_REPLACE, RL_QUOTE_NONE},
	               {3, 4, 3, 4, 0, RL_OP_REPLACE, RL_QUOTE_NONE},
	               {4, 7, 4, 7, 0, RL_OP_EQUAL, RL_QUOTE_NONE}};
	stage_ranges("打开这个文件。", "打开這個文件。", rl_cjk_cleanup, han, 4, got, sizeof got);
	cr_assert_str_eq(got, "= 0-2 0-2 | r 2-4 2-4 | = 4-7 4-7");
}

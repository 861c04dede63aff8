/* cjk.h: the cleanup of rewrites in Chinese and Japanese text (internal to diff/).
 *
 * Han and Kana are compared one character per token, since they are written without spaces, but a
 * word is often two characters or more. Two things then go wrong that the cleanup of spaced text
 * does not see. The swap stage pairs a changed run character by character ("这个" -> "這個"
 * becomes two replaces), so one changed word is several ops; and a vocabulary swap keeps one
 * character by coincidence ("用户" -> "使用者" comes out as {+使+}用[-户-]{+者+}). rl_cjk_cleanup
 * joins touching change ops inside a run of CJK characters into one, and dissolves a single kept
 * character between two changes of the run when one of them is more than a one-to-one character
 * swap (an insertion, a deletion, or a different length on each side): the way coincidental
 * function words between heavy changes are dissolved in English. A character kept between two
 * one-to-one swaps ("系统" -> "系統", the 系 kept) is the text's own and stays. A character kept
 * last in a run of at most three, after such a heavier replace that makes the rest of the run
 * ("{{印度教}}" -> "{{道教}}"), is a word's head shared by two words and goes into the replace. */
#ifndef REDLINE_CJK_H
#define REDLINE_CJK_H

#include "ctx.h"

/* Rewrite ops (no moves yet) covering contiguous ranges of both texts. */
int rl_cjk_cleanup(rl_ctx *c, rl_opvec *ops);

/* A rewrite that runs from one line a reader sees into the next on both sides (a heading and the
 * start of the paragraph below it: "提示符\n\n启动" -> "提示字元 (prompt)\n\n啟動") is cut at
 * those line starts, paired in order, so that the heading is never drawn into the paragraph. */
int rl_split_breaks(rl_ctx *c, rl_opvec *ops);

#endif

/* align.h: the face */

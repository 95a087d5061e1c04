/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Fuzz target for the simulator's state-file parser (sim_state_parse), which reads a file any
 * process or person may have written. Whatever parses must format back to text that parses to
 * the same state (format(parse(format(s))) == format(s)), so the simulator never writes a file
 * it could not read again.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sim_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_INPUT (1u << 20)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sim_state st, again;
	char *text, *text2;

	if (size > MAX_INPUT || sim_state_parse(&st, (const char *)data, size) != 0)
		return 0;
	text = sim_state_format(&st);
	if (!text)
		abort();
	if (sim_state_parse(&again, text, strlen(text)) != 0)
		abort();
	text2 = sim_state_format(&again);
	if (!text2 || strcmp(text, text2) != 0)
		abort();
	free(text);
	free(text2);
	sim_state_release(&st);
	sim_state_release(&again);
	return 0;
}

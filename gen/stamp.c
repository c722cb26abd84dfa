/* stamp — see stamp.h. */
#define _POSIX_C_SOURCE 200809L
#include "stamp.h"

#include <stdlib.h>
#include <time.h>

bool stamp_source_date_epoch(long long *secs)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	*secs = -1;
	if (!epoch || !*epoch)
		return true;
	long long n = 0;
	for (const char *p = epoch; *p; p++) {
		if (*p < '0' || *p > '9' || n > STAMP_MAX)
			return false;
		n = n * 10 + (*p - '0');
	}
	if (n > STAMP_MAX)
		return false;
	*secs = n;
	return true;
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar
 * (the "days from civil" computation of Howard Hinnant's date
 * algorithms). */
static long long S_days(long long y, int m, int d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long mp = (m + 9) % 12;
	long long doy = (153 * mp + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

bool stamp_seconds(const struct report *r, long long *secs)
{
	if (stamp_source_date_epoch(secs) && *secs >= 0)
		return true;
	*secs = 0;
	if (!r || !r->date.present)
		return false;
	*secs = S_days(r->date.year, r->date.month, r->date.day) * 86400;
	return true;
}

struct stamp stamp_break(long long secs)
{
	struct tm tm;
	time_t t = (time_t)secs;
	if (secs < 0 || secs > STAMP_MAX || !gmtime_r(&t, &tm))
		return (struct stamp){0};
	return (struct stamp){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
			      tm.tm_hour, tm.tm_min, tm.tm_sec};
}

struct stamp stamp_of_report(const struct report *r)
{
	long long secs;
	return stamp_seconds(r, &secs) ? stamp_break(secs) : (struct stamp){0};
}

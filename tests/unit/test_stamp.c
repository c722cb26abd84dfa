/* test_stamp — the one date a command writes into its files: the report's
 * date at midnight UTC (the same day gmtime gives back, across leap years
 * and centuries), SOURCE_DATE_EPOCH over it, and what the variable may
 * not be. */
#define _DEFAULT_SOURCE /* timegm */
#include <stdlib.h>
#include <time.h>

#include "check.h"
#include "stamp.h"

static void S_report_dates(void)
{
	static const int days[][3] = {
		{1970, 1, 1},  {2000, 2, 29}, {2024, 2, 29}, {2024, 3, 1},
		{1999, 12, 31}, {2100, 3, 1}, {9999, 12, 31}, {2026, 12, 6},
	};
	unsetenv("SOURCE_DATE_EPOCH");
	for (size_t i = 0; i < sizeof days / sizeof *days; i++) {
		struct report r = {0};
		r.date = (struct date){days[i][0], days[i][1], days[i][2], {0},
				       true};
		struct tm tm = {.tm_year = days[i][0] - 1900,
				.tm_mon = days[i][1] - 1,
				.tm_mday = days[i][2]};
		long long secs;
		CHECK(stamp_seconds(&r, &secs));
		CHECK(secs == (long long)timegm(&tm));
		struct stamp s = stamp_of_report(&r);
		CHECK(s.year == days[i][0] && s.month == days[i][1] &&
		      s.day == days[i][2] && !s.hour && !s.minute && !s.second);
	}
	struct report none = {0};
	long long secs = 1;
	CHECK(!stamp_seconds(&none, &secs) && secs == 0);
	CHECK(stamp_of_report(&none).year == 0);
}

static void S_epoch(void)
{
	struct report r = {0};
	r.date = (struct date){2024, 3, 12, {0}, true};
	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
	struct stamp s = stamp_of_report(&r);
	CHECK(s.year == 2023 && s.month == 11 && s.day == 14 && s.hour == 22 &&
	      s.minute == 13 && s.second == 20);
	/* 0 is a date (1970), not "none" */
	setenv("SOURCE_DATE_EPOCH", "0", 1);
	s = stamp_of_report(&r);
	CHECK(s.year == 1970 && s.month == 1 && s.day == 1);
	long long secs;
	static const char *const bad[] = {"1700000000000000", "-5", "12a",
					  "1.5", "253402300800"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		setenv("SOURCE_DATE_EPOCH", bad[i], 1);
		CHECK(!stamp_source_date_epoch(&secs));
		/* the report's own date then */
		CHECK(stamp_of_report(&r).year == 2024);
	}
	setenv("SOURCE_DATE_EPOCH", "", 1);
	CHECK(stamp_source_date_epoch(&secs) && secs == -1);
	unsetenv("SOURCE_DATE_EPOCH");
}

int main(void)
{
	S_report_dates();
	S_epoch();
	return check_done("stamp");
}

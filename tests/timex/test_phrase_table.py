"""A table of phrases across the TIMEX3 families, several DCTs and edge cases.

Each row: DCT, sentence, expected extent, value, interval [start, end) and
precision ("" = not checked). DCTs: Friday 2026-01-23 (the seed), Friday
2024-03-01 (after a leap day), Monday 2025-01-06 (year boundary, ISO week 2),
Sunday 2023-12-31 (last day of a year), Friday 1998-08-07 (TimeBank era).
"""

from datetime import date

import pytest

from dashboard.timex import find_timexes

FRI = date(2026, 1, 23)
LEAP = date(2024, 3, 1)
WED = date(2026, 1, 21)
MON = date(2025, 1, 6)
NYE = date(2023, 12, 31)
TB = date(1998, 8, 7)

CASES = [
    # --- absolute dates in news forms
    (FRI, "It began on January 23, 2026.", "January 23, 2026", "2026-01-23", "2026-01-23", "2026-01-24", "day"),
    (FRI, "Signed 23 Jan. 2026 in Geneva.", "23 Jan. 2026", "2026-01-23", "2026-01-23", "2026-01-24", "day"),
    (FRI, "Talks ended Jan. 14.", "Jan. 14", "2026-01-14", "2026-01-14", "2026-01-15", "day"),
    (FRI, "Filed 1/23/2026.", "1/23/2026", "2026-01-23", "2026-01-23", "2026-01-24", "day"),
    (FRI, "Dated 2026-01-23 in the log.", "2026-01-23", "2026-01-23", "2026-01-23", "2026-01-24", "day"),
    (FRI, "Prices rose in March 2019.", "March 2019", "2019-03", "2019-03-01", "2019-04-01", "month"),
    (FRI, "The firm was founded in 2019.", "2019", "2019", "2019-01-01", "2020-01-01", "year"),
    (FRI, "Growth was fast in the 1990s.", "the 1990s", "199", "1990-01-01", "2000-01-01", "decade"),
    (FRI, "Music of the '80s returned.", "the '80s", "198", "1980-01-01", "1990-01-01", "decade"),
    (FRI, "It dates from the 19th century.", "the 19th century", "18", "1800-01-01", "1900-01-01", "century"),
    (FRI, "He was born on Sept. 5, 1961.", "Sept. 5, 1961", "1961-09-05", "1961-09-05", "1961-09-06", "day"),
    (FRI, "The ceasefire of 4 July 2024 held.", "4 July 2024", "2024-07-04", "2024-07-04", "2024-07-05", "day"),
    (FRI, "Trading resumed on Wednesday, January 21, 2026.", "Wednesday, January 21, 2026", "2026-01-21", "2026-01-21", "2026-01-22", "day"),
    (FRI, "He was arrested Dec. 28.", "Dec. 28", "2025-12-28", "2025-12-28", "2025-12-29", "day"),
    (FRI, "The summit will be held Feb. 10.", "Feb. 10", "2026-02-10", "2026-02-10", "2026-02-11", "day"),
    (FRI, "Sales fell in November.", "November", "2025-11", "2025-11-01", "2025-12-01", "month"),
    (FRI, "Voting will take place in March.", "March", "2026-03", "2026-03-01", "2026-04-01", "month"),
    (FRI, "Elections were held in May.", "May", "2025-05", "2025-05-01", "2025-06-01", "month"),
    (FRI, "March was the wettest month.", "March", "2025-03", "2025-03-01", "2025-04-01", "month"),
    (FRI, "It happened in early January.", "early January", "2026-01", "2026-01-01", "", "month"),
    (FRI, "It ended in late November 1999.", "late November 1999", "1999-11", "", "1999-12-01", "month"),
    (FRI, "Profit in fiscal 1989 rose.", "fiscal 1989", "FY1989", "", "", "year"),
    (TB, "Sales rose in the third quarter.", "the third quarter", "1998-Q3", "1998-07-01", "1998-10-01", "quarter"),
    (FRI, "Profit rose in the fourth quarter.", "the fourth quarter", "2025-Q4", "2025-10-01", "2026-01-01", "quarter"),
    (FRI, "Results for the first quarter of 2024 disappointed.", "the first quarter of 2024", "2024-Q1", "2024-01-01", "2024-04-01", "quarter"),
    # "Nth quarter ended DATE": a fiscal quarter, named by the year it ends in, over the three months to DATE
    (TB, "Profit for its fourth quarter ended June 30 rose.", "fourth quarter", "1998-Q4", "1998-04-01", "1998-07-01", "quarter"),
    (TB, "It reported a loss for its fourth quarter ended yesterday.", "fourth quarter", "1998-Q4", "1998-05-07", "1998-08-07", "quarter"),
    (FRI, "Net for the fiscal first quarter ended Sept. 30 fell.", "the fiscal first quarter", "2025-Q1", "2025-07-01", "2025-10-01", "quarter"),
    (FRI, "Profit for the quarter ended Sept. 30 rose.", "the quarter", "2025-Q3", "2025-07-01", "2025-10-01", "quarter"),
    (FRI, "Growth slowed in the first half of 2025.", "the first half of 2025", "2025-H1", "2025-01-01", "2025-07-01", "half"),
    (FRI, "It opened in summer 2024.", "summer 2024", "2024-SU", "2024-06-01", "2024-09-01", "season"),
    (FRI, "Shops closed on Christmas Day.", "Christmas Day", "2025-12-25", "2025-12-25", "2025-12-26", "day"),
    (FRI, "Parties ran late on New Year's Eve.", "New Year's Eve", "2025-12-31", "2025-12-31", "2026-01-01", "day"),
    # --- weekdays and the DCT's own weekday
    (FRI, "Israel's channel 12 reported on Wednesday.", "Wednesday", "2026-01-21", "2026-01-21", "2026-01-22", "day"),
    (FRI, "The minister resigned Monday.", "Monday", "2026-01-19", "2026-01-19", "2026-01-20", "day"),
    (FRI, "He said on Friday that prices rose.", "Friday", "2026-01-23", "2026-01-23", "2026-01-24", "day"),
    (FRI, "Police said Saturday's march was banned.", "Saturday", "2026-01-17", "2026-01-17", "2026-01-18", "day"),
    (FRI, "The talks will resume on Monday.", "Monday", "2026-01-26", "2026-01-26", "2026-01-27", "day"),
    (FRI, "The court is expected to rule on Thursday.", "Thursday", "2026-01-29", "2026-01-29", "2026-01-30", "day"),
    (FRI, "They met last Friday.", "last Friday", "2026-01-16", "2026-01-16", "2026-01-17", "day"),
    (FRI, "They meet next Friday.", "next Friday", "2026-01-30", "2026-01-30", "2026-01-31", "day"),
    (FRI, "They met last Tuesday.", "last Tuesday", "2026-01-20", "2026-01-20", "2026-01-21", "day"),
    (FRI, "The vote is set for next Tuesday.", "next Tuesday", "2026-01-27", "2026-01-27", "2026-01-28", "day"),
    # a deadline set or moved "until" a weekday lies ahead; "lasted until", "had until" do not
    (FRI, "Officials postponed until Tuesday morning any action on the case.", "Tuesday morning", "2026-01-27TMO", "2026-01-27T06:00", "2026-01-27T12:00", "time"),
    (FRI, "The agency has given the relatives until 9 a.m. Tuesday to sign.", "9 a.m. Tuesday", "2026-01-27T09:00", "2026-01-27T09:00", "2026-01-27T09:01", "time"),
    (FRI, "The INS extended its deadline until 9 a.m. EST Tuesday.", "9 a.m. EST Tuesday", "2026-01-27T09:00", "2026-01-27T09:00", "2026-01-27T09:01", "time"),
    (FRI, "The talks lasted until Tuesday.", "Tuesday", "2026-01-20", "2026-01-20", "2026-01-21", "day"),
    (FRI, "Relatives had until 9 a.m. Tuesday to sign.", "9 a.m. Tuesday", "2026-01-20T09:00", "2026-01-20T09:00", "2026-01-20T09:01", "time"),
    (MON, "The ministry said Monday it would act.", "Monday", "2025-01-06", "2025-01-06", "2025-01-07", "day"),
    (MON, "Riots broke out on Sunday.", "Sunday", "2025-01-05", "2025-01-05", "2025-01-06", "day"),
    (MON, "Officials met on Friday.", "Friday", "2025-01-03", "2025-01-03", "2025-01-04", "day"),
    (NYE, "The rally took place on Thursday.", "Thursday", "2023-12-28", "2023-12-28", "2023-12-29", "day"),
    (NYE, "Markets will reopen on Tuesday.", "Tuesday", "2024-01-02", "2024-01-02", "2024-01-03", "day"),
    (LEAP, "The strike started on Thursday.", "Thursday", "2024-02-29", "2024-02-29", "2024-03-01", "day"),
    (TB, "The embassy was bombed on Friday.", "Friday", "1998-08-07", "1998-08-07", "1998-08-08", "day"),
    (TB, "Officials said Wednesday that talks failed.", "Wednesday", "1998-08-05", "1998-08-05", "1998-08-06", "day"),
    # --- relative days
    (FRI, "He resigned yesterday.", "yesterday", "2026-01-22", "2026-01-22", "2026-01-23", "day"),
    (FRI, "The result is due today.", "today", "2026-01-23", "2026-01-23", "2026-01-24", "day"),
    (FRI, "It will be decided tomorrow.", "tomorrow", "2026-01-24", "2026-01-24", "2026-01-25", "day"),
    (LEAP, "The bill passed yesterday.", "yesterday", "2024-02-29", "2024-02-29", "2024-03-01", "day"),
    (NYE, "Fireworks start tomorrow.", "tomorrow", "2024-01-01", "2024-01-01", "2024-01-02", "day"),
    (MON, "Snow fell yesterday.", "yesterday", "2025-01-05", "2025-01-05", "2025-01-06", "day"),
    (FRI, "They met two days ago.", "two days ago", "2026-01-21", "2026-01-21", "2026-01-22", "day"),
    (FRI, "The law passed three weeks ago.", "three weeks ago", "2026-W01", "2025-12-29", "2026-01-05", "week"),
    (FRI, "It opened a year ago.", "a year ago", "2025", "2025-01-01", "2026-01-01", "year"),
    (FRI, "He left 10 years ago.", "10 years ago", "2016", "2016-01-01", "2017-01-01", "year"),
    (FRI, "The firm collapsed six months ago.", "six months ago", "2025-07", "2025-07-01", "2025-08-01", "month"),
    (LEAP, "The deal closed a day ago.", "a day ago", "2024-02-29", "2024-02-29", "2024-03-01", "day"),
    (FRI, "A vote comes two weeks from now.", "two weeks from now", "2026-W06", "2026-02-02", "2026-02-09", "week"),
    # --- anaphoric offsets (anchored to the last mentioned date)
    (FRI, "Troops left on Jan. 14. Two days later riots began.", "Two days later", "2026-01-16", "2026-01-16", "2026-01-17", "day"),
    (FRI, "Troops left on Jan. 14. A day earlier, talks failed.", "A day earlier", "2026-01-13", "2026-01-13", "2026-01-14", "day"),
    (FRI, "Troops left on Jan. 14. They returned the next day.", "the next day", "2026-01-15", "2026-01-15", "2026-01-16", "day"),
    # a phrase in a passive participle's clause set off by commas: the deed is done; a schedule is not
    (FRI, "The plan, approved by the cabinet late on Wednesday, takes effect next month.", "Wednesday",
     "2026-01-21", "2026-01-21", "2026-01-22", "day"),
    (FRI, "The vote, scheduled by the speaker for Wednesday, will go ahead.", "Wednesday",
     "2026-01-28", "2026-01-28", "2026-01-29", "day"),
    # a year that describes a thing ("a 2019 report") is no day for "the next day" to follow; it may be a year's
    (FRI, "The fire began on Jan. 14. A 2019 report had warned of it. Crews arrived the next day.", "the next day",
     "2026-01-15", "2026-01-15", "2026-01-16", "day"),
    (FRI, "On Thursday, UEFA said the 2016 final will be in Lyon. It chose the city earlier that day.",
     "earlier that day", "2026-01-22", "2026-01-22", "2026-01-23", "day"),
    (FRI, "The 2020 races were cancelled, and the following year they were held behind closed doors.",
     "the following year", "2021", "2021-01-01", "2022-01-01", "year"),
    (FRI, "Troops left on Jan. 14. Riots began that day.", "that day", "2026-01-14", "2026-01-14", "2026-01-15", "day"),
    (FRI, "He quit in 2019. The previous year he had been promoted.", "The previous year", "2018", "2018-01-01", "2019-01-01", "year"),
    (FRI, "He quit in 2019. Three years later he returned.", "Three years later", "2022", "2022-01-01", "2023-01-01", "year"),
    (FRI, "The plant opened on March 3, 2020. A week later it closed.", "A week later", "2020-W11", "2020-03-09", "2020-03-16", "week"),
    (LEAP, "The plant opened on Feb. 28, 2024. A day later it closed.", "A day later", "2024-02-29", "2024-02-29", "2024-03-01", "day"),
    (NYE, "It began on Dec. 30, 2023. Two days later it ended.", "Two days later", "2024-01-01", "2024-01-01", "2024-01-02", "day"),
    (TB, "Profit was $5 in the third quarter of 1997, up from $4 a year earlier.", "a year earlier", "1996-Q3", "1996-07-01", "1996-10-01", "quarter"),
    # "year-ago"/"year-earlier": a year before the period reported on, or that period when the last one mentioned already is
    (TB, "Net was $5 in the 1997 period. The year-ago results included a charge.", "year-ago", "1997", "1997-01-01", "1998-01-01", "year"),
    (TB, "Profit fell in the quarter ended June 30, compared with the year-ago quarter.", "the year-ago quarter", "1997-Q2", "1997-04-01", "1997-07-01", "quarter"),
    (TB, "Sales rose in the second quarter, above year-earlier levels.", "year-earlier", "1997-Q2", "1997-04-01", "1997-07-01", "quarter"),
    (FRI, "Sales rose in the fourth quarter of 2025, above the year-earlier quarter.", "the year-earlier quarter", "2024-Q4", "2024-10-01", "2025-01-01", "quarter"),
    (FRI, "Sales rose in the third quarter of 1989, above year-earlier levels.", "year-earlier", "1988-Q3", "1988-07-01", "1988-10-01", "quarter"),
    # only "a year ago" after a quarter is that quarter a year before; "41 years ago" counts from the DCT
    (FRI, "Sales rose in March 2025. Castro took power 41 years ago.", "41 years ago", "1985", "1985-01-01", "1986-01-01", "year"),
    (TB, "Profit was $5 in the third quarter of 1997, up from $4 a year ago.", "a year ago", "1996-Q3", "1996-07-01", "1996-10-01", "quarter"),
    (FRI, "Officials met on Tuesday. The following week talks resumed.", "The following week", "2026-W05", "2026-01-26", "2026-02-02", "week"),
    # "the previous/following Friday" count from the last mentioned day (else the DCT); "next Friday" from the DCT
    (FRI, "Stocks closed at 2082 on Friday, Jan. 16, down 4% from the previous Friday.", "the previous Friday", "2026-01-09", "2026-01-09", "2026-01-10", "day"),
    (FRI, "The court met on Jan. 14. The following Monday it ruled.", "The following Monday", "2026-01-19", "2026-01-19", "2026-01-20", "day"),
    (FRI, "He quit the following Monday.", "the following Monday", "2026-01-26", "2026-01-26", "2026-01-27", "day"),
    (FRI, "Troops left on Jan. 14. They meet next Friday.", "next Friday", "2026-01-30", "2026-01-30", "2026-01-31", "day"),
    (MON, "A hearing is set for the week of March 6.", "the week of March 6", "2025-W10", "2025-03-03", "2025-03-10", "week"),
    (FRI, "He spoke. A day later the army will move.", "A day later", "2026-01-24", "2026-01-24", "2026-01-25", "day"),
    # --- relative periods
    (FRI, "Prices rose last week.", "last week", "2026-W03", "2026-01-12", "2026-01-19", "week"),
    (FRI, "Prices rose this week.", "this week", "2026-W04", "2026-01-19", "2026-01-26", "week"),
    (FRI, "Talks resume next week.", "next week", "2026-W05", "2026-01-26", "2026-02-02", "week"),
    (FRI, "Sales fell last month.", "last month", "2025-12", "2025-12-01", "2026-01-01", "month"),
    (FRI, "Sales fell this month.", "this month", "2026-01", "2026-01-01", "2026-02-01", "month"),
    (FRI, "Sales rise next month.", "next month", "2026-02", "2026-02-01", "2026-03-01", "month"),
    (MON, "Sales fell last month.", "last month", "2024-12", "2024-12-01", "2025-01-01", "month"),
    (MON, "Prices rose last week.", "last week", "2025-W01", "2024-12-30", "2025-01-06", "week"),
    (NYE, "Prices rise next week.", "next week", "2024-W01", "2024-01-01", "2024-01-08", "week"),
    (NYE, "Prices rose this week.", "this week", "2023-W52", "2023-12-25", "2024-01-01", "week"),
    (FRI, "Inflation peaked last year.", "last year", "2025", "2025-01-01", "2026-01-01", "year"),
    (FRI, "The law passes this year.", "this year", "2026", "2026-01-01", "2027-01-01", "year"),
    (FRI, "Elections come next year.", "next year", "2027", "2027-01-01", "2028-01-01", "year"),
    (FRI, "Results come next quarter.", "next quarter", "2026-Q2", "2026-04-01", "2026-07-01", "quarter"),
    (FRI, "Growth slowed last quarter.", "last quarter", "2025-Q4", "2025-10-01", "2026-01-01", "quarter"),
    (FRI, "The IRGC issued a statement earlier this month.", "earlier this month", "2026-01", "2026-01-01", "2026-01-23", "month"),
    (FRI, "The rule changed earlier this year.", "earlier this year", "2026", "2026-01-01", "2026-01-23", "year"),
    (FRI, "A vote is due later this year.", "later this year", "2026", "2026-01-24", "2027-01-01", "year"),
    (FRI, "A vote is due later this month.", "later this month", "2026-01", "2026-01-24", "2026-02-01", "month"),
    (FRI, "The plan was drafted late last year.", "late last year", "2025", "", "2026-01-01", "year"),
    (FRI, "Talks resume early next month.", "early next month", "2026-02", "2026-02-01", "", "month"),
    (FRI, "It was decided at the end of last month.", "the end of last month", "2025-12", "", "2026-01-01", "month"),
    (FRI, "Protests began last summer.", "last summer", "2025-SU", "2025-06-01", "2025-09-01", "season"),
    (FRI, "The army will withdraw next spring.", "next spring", "2026-SP", "2026-03-01", "2026-06-01", "season"),
    (FRI, "Snow fell last winter.", "last winter", "2024-WI", "2024-12-01", "2025-03-01", "season"),
    (FRI, "Prices rose during the summer.", "the summer", "2025-SU", "2025-06-01", "2025-09-01", "season"),
    # a past verb governing the phrase rules out a period not yet begun
    (FRI, "Sales fell in March.", "March", "2025-03", "2025-03-01", "2025-04-01", "month"),
    (FRI, "The deal was signed in February.", "February", "2025-02", "2025-02-01", "2025-03-01", "month"),
    (FRI, "Exports dropped in early March.", "early March", "2025-03", "2025-03-01", "2025-03-11", "month"),
    # ... and so does a past verb governing a phrase that opens the sentence
    (FRI, "In March, the company brought in a new chief.", "March", "2025-03", "2025-03-01", "2025-04-01", "month"),
    (FRI, "On Feb. 10, the court ruled against him.", "Feb. 10", "2025-02-10", "2025-02-10", "2025-02-11", "day"),
    (FRI, "In March, the company will name a new chief.", "March", "2026-03", "2026-03-01", "2026-04-01", "month"),
    (FRI, "The company brought in a new chief who starts in March, officials said.", "March", "2026-03", "2026-03-01", "2026-04-01", "month"),
    (FRI, "The vote is expected in March.", "March", "2026-03", "2026-03-01", "2026-04-01", "month"),
    # a participle takes the tense of its auxiliary ("will be named", "would be paid")
    (FRI, "Collins will be named commander for a mission in December.", "December", "2026-12", "2026-12-01", "2027-01-01", "month"),
    (TB, "The dividend would be paid in January.", "January", "1999-01", "1999-01-01", "1999-02-01", "month"),
    (TB, "A ceremony would still be held at the summit on April 24.", "April 24", "1999-04-24", "1999-04-24", "1999-04-25", "day"),
    (FRI, "The law may be passed in April.", "April", "2026-04", "2026-04-01", "2026-05-01", "month"),
    (FRI, "Qantas would double flights by August, seeking markets battered by the crisis.", "August", "2026-08", "2026-08-01", "2026-09-01", "month"),
    (FRI, "Collins has been named commander of a mission in December.", "December", "2025-12", "2025-12-01", "2026-01-01", "month"),
    (FRI, "Exports increased by 5% in April.", "April", "2025-04", "2025-04-01", "2025-05-01", "month"),
    # a firm future cue before a preposition rules out a period already over; "would" and attributes do not
    (MON, "The vote will be held in December.", "December", "2025-12", "2025-12-01", "2026-01-01", "month"),
    (MON, "The vote would be held in December.", "December", "2024-12", "2024-12-01", "2025-01-01", "month"),
    (MON, "The firm will report December sales.", "December", "2024-12", "2024-12-01", "2025-01-01", "month"),
    # "due to" + verb is a future cue; "is due to" + noun means "because of"; "had been due to" is past
    (TB, "The bonds are due to mature in March.", "March", "1999-03", "1999-03-01", "1999-04-01", "month"),
    (TB, "The loss is due to a charge in March.", "March", "1998-03", "1998-03-01", "1998-04-01", "month"),
    (TB, "The offer had been due to expire Thursday evening.", "Thursday evening", "1998-08-06TEV", "1998-08-06T18:00", "1998-08-06T21:00", "time"),
    # clauses end at sentence ends (not "U.S. from", "vs.") and quotation marks (AP's `` '' too);
    # "United", "hundred", "succeed", "unspecified" are no past cues ("unveiled" is)
    (TB, "The split would be paid on a still unspecified date in January.", "January", "1999-01", "1999-01-01", "1999-02-01", "month"),
    (TB, "Police unveiled plans for a memorial in November.", "November", "1997-11", "1997-11-01", "1997-12-01", "month"),
    (FRI, "He would be traveling to the United States Thursday.", "Thursday", "2026-01-29", "2026-01-29", "2026-01-30", "day"),
    (FRI, "He returned from the United States Thursday.", "Thursday", "2026-01-22", "2026-01-22", "2026-01-23", "day"),
    (TB, "The ministry would invite some two hundred guests in March.", "March", "1999-03", "1999-03-01", "1999-04-01", "month"),
    (TB, "Smith would succeed Jones in March.", "March", "1999-03", "1999-03-01", "1999-04-01", "month"),
    (TB, "Smith succeeded Jones in March.", "March", "1998-03", "1998-03-01", "1998-04-01", "month"),
    (FRI, "``He will fly to Havana at dawn on Thursday,'' Castro said.", "Thursday", "2026-01-29", "2026-01-29", "2026-01-30", "day"),
    (FRI, "``He flew to Havana at dawn on Thursday,'' Castro said.", "Thursday", "2026-01-22", "2026-01-22", "2026-01-23", "day"),
    (TB, "In November, after the anniversary of Roe vs. Wade, a bomb killed a guard.", "November", "1997-11", "1997-11-01", "1997-12-01", "month"),
    (FRI, "Officials will let his father come to the U.S. from Cuba as early as Tuesday.", "Tuesday", "2026-01-27", "2026-01-27", "2026-01-28", "day"),
    (FRI, "The minister will resign. Crowds in the square on Tuesday: calm.", "Tuesday", "2026-01-20", "2026-01-20", "2026-01-21", "day"),
    # plans look ahead in any tense ("planned a demonstration"); "as planned/scheduled" has no tense
    (FRI, "Protesters were planning to drive to the airport on Monday.", "Monday", "2026-01-26", "2026-01-26", "2026-01-27", "day"),
    (FRI, "Protesters planned a demonstration on Saturday.", "Saturday", "2026-01-24", "2026-01-24", "2026-01-25", "day"),
    (FRI, "They can take part in planning for the summit in June.", "June", "2026-06", "2026-06-01", "2026-07-01", "month"),
    (FRI, "The offensive began as previously planned on Saturday night.", "Saturday night", "2026-01-17TNI", "2026-01-17T21:00", "2026-01-18T06:00", "time"),
    (FRI, "The vote took place as scheduled on Sunday.", "Sunday", "2026-01-18", "2026-01-18", "2026-01-19", "day"),
    (FRI, "Crowds gathered over the weekend.", "the weekend", "2026-W03-WE", "2026-01-17", "2026-01-19", "week"),
    (FRI, "Arrests rose in the past two weeks.", "the past two weeks", "P2W", "2026-01-09", "2026-01-23", "week"),
    (FRI, "Arrests rose in the past week.", "the past week", "P1W", "2026-01-16", "2026-01-23", "week"),
    (FRI, "Prices will rise over the next three months.", "the next three months", "P3M", "2026-01-24", "2026-04-24", "month"),
    # "few", "several": a vague reach of VAGUE_COUNT units, the value stays unspecified
    (FRI, "A decision is due in the next few days.", "the next few days", "PXD", "2026-01-24", "2026-01-29", "vague"),
    (FRI, "Arrests rose over the past several weeks.", "the past several weeks", "PXW", "2025-12-19", "2026-01-23", "vague"),
    (FRI, "Sales in the first nine months rose.", "the first nine months", "P9M", "", "", ""),
    # --- times and parts of day
    (FRI, "Protesters gathered Monday night.", "Monday night", "2026-01-19TNI", "2026-01-19T21:00", "2026-01-20T06:00", "time"),
    (FRI, "The minister spoke this morning.", "this morning", "2026-01-23TMO", "2026-01-23T06:00", "2026-01-23T12:00", "time"),
    (FRI, "Shots were heard last night.", "last night", "2026-01-22TNI", "2026-01-22T21:00", "2026-01-23T06:00", "time"),
    (FRI, "He speaks tonight.", "tonight", "2026-01-23TNI", "2026-01-23T21:00", "2026-01-24T06:00", "time"),
    (FRI, "The strike began at 3 p.m.", "3 p.m.", "2026-01-23T15:00", "2026-01-23T15:00", "2026-01-23T15:01", "time"),
    (FRI, "Polls close at 8:30 pm EST.", "8:30 pm EST", "2026-01-23T20:30", "2026-01-23T20:30", "2026-01-23T20:31", "time"),
    (FRI, "Police moved in yesterday afternoon.", "yesterday afternoon", "2026-01-22TAF", "2026-01-22T12:00", "2026-01-22T18:00", "time"),
    (FRI, "The curfew starts at midnight.", "midnight", "2026-01-23T24:00", "2026-01-24T00:00", "2026-01-24T00:01", "time"),
    (date(1989, 10, 30), "The offer is scheduled to expire at midnight Friday.", "midnight Friday", "1989-11-03T24:00", "1989-11-04T00:00", "1989-11-04T00:01", "time"),
    (FRI, "He landed at noon.", "noon", "2026-01-23T12:00", "2026-01-23T12:00", "2026-01-23T12:01", "time"),
    (FRI, "Protests erupted Wednesday evening.", "Wednesday evening", "2026-01-21TEV", "2026-01-21T18:00", "2026-01-21T21:00", "time"),
    # a clock time is on the day it is said with, else the last day mentioned, else the DCT
    (FRI, "Troops left on Jan. 14. Shots rang out at 10 p.m.", "10 p.m.", "2026-01-14T22:00", "2026-01-14T22:00", "2026-01-14T22:01", "time"),
    (FRI, "Police came on Tuesday night. At 10 p.m. shots rang out.", "10 p.m.", "2026-01-20T22:00", "2026-01-20T22:00", "2026-01-20T22:01", "time"),
    (FRI, "The plant opened in 2019. Workers arrive at 6 a.m.", "6 a.m.", "2026-01-23T06:00", "2026-01-23T06:00", "2026-01-23T06:01", "time"),
    (MON, "The blast occurred at about 10:35 a.m. (0735 GMT) Friday.", "10:35 a.m.", "2025-01-03T10:35", "2025-01-03T10:35", "2025-01-03T10:36", "time"),
    (FRI, "Shares fell at 3 p.m. yesterday.", "3 p.m. yesterday", "2026-01-22T15:00", "2026-01-22T15:00", "2026-01-22T15:01", "time"),
    (FRI, "Polls close at 8 p.m. tonight.", "8 p.m. tonight", "2026-01-23T20:00", "2026-01-23T20:00", "2026-01-23T20:01", "time"),
    (FRI, "He speaks tonight at 8 p.m.", "tonight at 8 p.m.", "2026-01-23T20:00", "2026-01-23T20:00", "2026-01-23T20:01", "time"),
    (NYE, "Dow Jones extended its offer until 5 p.m. EST Jan. 9.", "5 p.m. EST Jan. 9", "2024-01-09T17:00", "2024-01-09T17:00", "2024-01-09T17:01", "time"),
    (TB, "The offer expired at 5 p.m. EST, Nov. 6, 1989.", "5 p.m. EST, Nov. 6, 1989", "1989-11-06T17:00", "1989-11-06T17:00", "1989-11-06T17:01", "time"),
    (LEAP, "He will leave at 4 a.m. EDT Thursday.", "4 a.m. EDT Thursday", "2024-03-07T04:00", "2024-03-07T04:00", "2024-03-07T04:01", "time"),
    # --- durations
    (FRI, "The siege lasted three days.", "three days", "P3D", "", "", None),
    (FRI, "He served a 10-year term.", "10-year", "P10Y", "", "", None),
    (FRI, "Talks ran for more than two years.", "more than two years", "P2Y", "", "", None),
    (FRI, "Talks ran for twenty-four hours.", "twenty-four hours", "PT24H", "", "", None),
    (FRI, "The strike lasted two weeks.", "two weeks", "P2W", "", "", None),
    (FRI, "The flight took five hours.", "five hours", "PT5H", "", "", None),
    (FRI, "He waited 30 minutes.", "30 minutes", "PT30M", "", "", None),
    (FRI, "Fighting went on for years.", "years", "PXY", "", "", None),
    (FRI, "The program ran for several months.", "several months", "PXM", "", "", None),
    (FRI, "The case dragged on for a few days.", "a few days", "PXD", "", "", None),
    (FRI, "The war lasted a decade.", "a decade", "P1DE", "", "", None),
    (FRI, "They were jailed for 18 months.", "18 months", "P18M", "", "", None),
    (FRI, "A 90-day ceasefire began.", "90-day", "P90D", "", "", None),
    (FRI, "The talks lasted about six weeks.", "six weeks", "P6W", "", "", None),
    # halves: "2 1/2", "2.5", "two and a half", "a year and a half", "half an hour"
    (FRI, "He served two and a half years in prison.", "two and a half years", "P2Y6M", "", "", None),
    (TB, "Refugees lived in camps for 2 1/2 years.", "2 1/2 years", "P2Y6M", "", "", None),
    (FRI, "The flight took 5 1/2 hours.", "5 1/2 hours", "PT5H30M", "", "", None),
    (FRI, "A hospital stay lasted 9.6 days on average.", "9.6 days", "P9DT14H24M", "", "", None),
    (FRI, "It took 1.5 weeks.", "1.5 weeks", "P10DT12H", "", "", None),
    (FRI, "A minute and a half later, a pilot called.", "A minute and a half", "PT1M30S", "", "", None),
    (FRI, "The talks lasted a year and a half.", "a year and a half", "P1Y6M", "", "", None),
    (FRI, "The vote took half an hour.", "half an hour", "PT30M", "", "", None),
    (FRI, "Prices doubled in the past 2 1/2 years.", "the past 2 1/2 years", "P2Y6M", "2023-07-23", "2026-01-23", "month"),
    (FRI, "He left 2 1/2 years ago.", "2 1/2 years ago", "2023-07", "2023-07-01", "2023-08-01", "month"),
    # a timetable in the present tense, a modal, an aim: ahead of the DCT (Friday 2026-01-23)
    (FRI, "The committee meets on Tuesday to consider the bill.", "Tuesday", "2026-01-27", "2026-01-27", "2026-01-28", "day"),
    (FRI, "The new tariffs take effect on Monday.", "Monday", "2026-01-26", "2026-01-26", "2026-01-27", "day"),
    (FRI, "The Super Bowl is on Sunday.", "Sunday", "2026-01-25", "2026-01-25", "2026-01-26", "day"),
    (FRI, "The World Cup kicks off on June 11 in Mexico City.", "June 11", "2026-06-11", "2026-06-11", "2026-06-12", "day"),
    (date(2025, 10, 8), "The strike could start in March.", "March", "2026-03", "2026-03-01", "2026-04-01", "month"),
    (date(2025, 10, 8), "The company aims to list its shares in March.", "March", "2026-03", "2026-03-01", "2026-04-01", "month"),
    (date(2025, 10, 8), "The tax cut takes effect in January.", "January", "2026-01", "2026-01-01", "2026-02-01", "month"),
    (FRI, "The spending review is due in the autumn.", "the autumn", "2026-FA", "", "", "season"),
    (FRI, "The rebels may have fled on Tuesday.", "Tuesday", "2026-01-20", "2026-01-20", "2026-01-21", "day"),
    (date(2025, 10, 8), "The Fed cut rates in March.", "March", "2025-03", "2025-03-01", "2025-04-01", "month"),
    # numbers with separators and decimals are read whole, never by their tail
    (FRI, "The rover has worked for 1,000 days.", "1,000 days", "P1000D", "", "", ""),
    (FRI, "He ran the 100 metres in 9.58 seconds.", "9.58 seconds", "PT9.58S", "", "", ""),
    # midnight: the one that began the day in a past clause, the one ending it ahead
    (FRI, "The shooting happened shortly after midnight.", "midnight", "2026-01-23T00:00", "2026-01-23T00:00", "2026-01-23T00:01", "time"),
    (FRI, "The company will soon announce a new chief.", "soon", "FUTURE_REF", "2026-01-24", "2026-02-23", "vague"),
    # clipped to the DCT, never to nothing: "earlier this week" on a Monday is that Monday
    (MON, "Earlier this week, rebels attacked a base.", "Earlier this week", "2025-W02", "2025-01-06", "2025-01-07", "week"),
    (FRI, "So far this year, 1,200 migrants have drowned.", "So far this year", "2026", "2026-01-01", "2026-01-23", "year"),
    (FRI, "Fighting intensified between March and May, the UN said.", "May", "2025-05", "2025-05-01", "2025-06-01", "month"),
    (FRI, "Fighting intensified between March and May, the UN said.", "March", "2025-03", "2025-03-01", "2025-04-01", "month"),
    (FRI, "Talks will run from March to May.", "May", "2026-05", "2026-05-01", "2026-06-01", "month"),
    (FRI, "Drones struck energy facilities overnight, officials said.", "overnight", "2026-01-22TNI", "", "", "time"),
    (FRI, "Early Tuesday, rockets struck the city.", "Early Tuesday", "2026-01-20", "2026-01-20", "2026-01-21", "day"),
    (FRI, "Thousands marched on Good Friday.", "Good Friday", "2025-04-18", "2025-04-18", "2025-04-19", "day"),
    # feasts of the lunar calendars, year by year from resources/movable_days.tsv: a day, or the month one begins in
    (FRI, "Markets shut for the Lunar New Year holiday next month.", "Lunar New Year", "2026-02-17", "2026-02-17",
     "2026-02-18", "day"),
    (date(2025, 4, 2), "Prices rose during Ramadan.", "Ramadan", "2025-03", "2025-03-01", "2025-04-01", "month"),
    (date(2025, 4, 2), "Families met for Eid al-Fitr on Sunday.", "Eid al-Fitr", "2025-03-30", "2025-03-30",
     "2025-03-31", "day"),
    (date(2027, 6, 1), "Pilgrims arrived before Eid al-Adha.", "Eid al-Adha", "2027-05-16", "2027-05-16",
     "2027-05-17", "day"),
    (date(2024, 4, 2), "Schools closed for Holi last week.", "Holi", "2024-03-25", "2024-03-25", "2024-03-26", "day"),
    (FRI, "Diwali 2035 will be the biggest yet.", "Diwali 2035", "2035", "2035-01-01", "2036-01-01", "year"),
    # ranges reach to the end of their last day or month; the value is the period holding them
    (FRI, "Talks ran Jan. 5-7 in Geneva, diplomats said.", "Jan. 5-7", "2026-01", "2026-01-05", "2026-01-08", "day"),
    (MON, "The Fed, which meets March 18-19, is expected to hold rates steady.", "March 18-19", "2025-03", "2025-03-18", "2025-03-20", "day"),
    (FRI, "Sales in January-March 2025 were flat.", "January-March 2025", "2025-Q1", "2025-01-01", "2025-04-01", "month"),
    (FRI, "Imports rose in November-February.", "November-February", "2025-11", "2025-11-01", "2026-03-01", "month"),
    (date(2025, 10, 15), "Judge Lorna Whitfield set sentencing for February 4.", "February 4", "2026-02-04", "2026-02-04", "2026-02-05", "day"),
    (date(2025, 10, 15), "The court set bail at $1 million in February.", "February", "2025-02", "2025-02-01", "2025-03-01", "month"),
    # a story told of another year: a month and day without a year is nearest the day the text gave
    (date(2026, 1, 9), "Jones was killed on Sept. 11, 2023. Two days later, on the evening of Sept. 14, police found the car.", "Sept. 14", "2023-09-14", "2023-09-14", "2023-09-15", "day"),
    (FRI, "The loan is due June 1. Sales increased in the quarter ended Sept. 30.", "Sept. 30", "2025-09-30", "2025-09-30", "2025-10-01", "day"),
    (date(2025, 10, 8), "The bank expects inflation to drop in the second quarter.", "the second quarter", "2026-Q2", "2026-04-01", "2026-07-01", "quarter"),
    (date(1998, 8, 17), "On Friday, when Albright set aside vacation plans, the department lifted a warning.", "Friday", "1998-08-14", "1998-08-14", "1998-08-15", "day"),
    # no number, no day: "a few days ago" is a vague span of five units before the DCT's own, not the DCT
    (FRI, "He left a few days ago.", "a few days ago", "PAST_REF", "2026-01-18", "2026-01-23", "vague"),
    (FRI, "They met several weeks ago.", "several weeks ago", "PAST_REF", "2025-12-15", "2026-01-19", "vague"),
    (FRI, "It happened some years ago.", "some years ago", "PAST_REF", "2021-01-01", "2026-01-01", "vague"),
    (FRI, "Days ago, he resigned.", "Days ago", "PAST_REF", "2026-01-18", "2026-01-23", "vague"),
    (FRI, "He returns several months from now.", "several months from now", "FUTURE_REF", "2026-02-01", "2026-07-01", "vague"),
    (FRI, "Troops left on Jan. 14. A few days later riots began.", "A few days later", "XXXX-XX-XX", "2026-01-15", "2026-01-20", "vague"),
    (FRI, "Troops left in March 2019. Several years earlier it was calm.", "Several years earlier", "XXXX", "2014-01-01", "2019-01-01", "vague"),
    (FRI, "Troops left on Jan. 14. Weeks later riots began.", "Weeks later", "XXXX-WXX", "2026-01-19", "2026-02-23", "vague"),
    (FRI, "He left a few hours ago.", "a few hours ago", "2026-01-23", "2026-01-23", "2026-01-24", "day"),
    (FRI, "It was built half a century ago.", "half a century ago", "1976", "1976-01-01", "1977-01-01", "year"),
    # the tense of a clause: adjectival participles, duties, open ends, trailing attributions
    (date(2025, 8, 19), "Schools will stay closed through Friday, the county said.", "Friday", "2025-08-22", "2025-08-22", "2025-08-23", "day"),
    (date(2025, 8, 19), "Schools stayed closed through Friday, the county said.", "Friday", "2025-08-15", "2025-08-15", "2025-08-16", "day"),
    (date(2025, 8, 19), "Police closed Highway 299 until at least Thursday.", "Thursday", "2025-08-21", "2025-08-21", "2025-08-22", "day"),
    (date(2025, 8, 19), "Police closed Highway 299 until Thursday.", "Thursday", "2025-08-14", "2025-08-14", "2025-08-15", "day"),
    (date(2025, 5, 19), "The budget for 2026 must be presented to parliament by Oct. 10.", "Oct. 10", "2025-10-10", "2025-10-10", "2025-10-11", "day"),
    (date(2025, 5, 19), "The budget must have been presented by Oct. 10.", "Oct. 10", "2024-10-10", "2024-10-10", "2024-10-11", "day"),
    (date(2025, 8, 19), "Temperatures could reach 108 degrees over the weekend, the agency said.", "the weekend", "2025-W34-WE", "2025-08-23", "2025-08-25", "week"),
    (date(2025, 8, 19), "Temperatures reached 108 degrees over the weekend, the agency said.", "the weekend", "2025-W33-WE", "2025-08-16", "2025-08-18", "week"),
    (date(2026, 2, 5), "He said he expected the next cut in May, followed by one more later.", "May", "2026-05", "2026-05-01", "2026-06-01", "month"),
    (date(2026, 2, 5), "The bank cut rates in May, followed by a pause.", "May", "2025-05", "2025-05-01", "2025-06-01", "month"),
    (date(2026, 3, 4), "The company will report fourth-quarter results on March 11.", "fourth-quarter", "2025-Q4", "2025-10-01", "2026-01-01", "quarter"),
    (date(2026, 3, 4), "It will report first-quarter earnings in May.", "first-quarter", "2026-Q1", "2026-01-01", "2026-04-01", "quarter"),
    # an "-ed" word after a determiner is an adjective; "can" looks ahead; a state that holds
    # now until a weekday, or a span that opens or closes on one with no tense to place it, is ahead
    (FRI, "Kindergarten starts on a staggered schedule, with half of each class attending on Monday.", "Monday", "2026-01-26", "2026-01-26", "2026-01-27", "day"),
    (FRI, "Half of each class attended a staggered session on Monday.", "Monday", "2026-01-19", "2026-01-19", "2026-01-20", "day"),
    (FRI, "Riders can check route times online from Monday.", "Monday", "2026-01-26", "2026-01-26", "2026-01-27", "day"),
    (FRI, "Riders checked route times online from Monday.", "Monday", "2026-01-19", "2026-01-19", "2026-01-20", "day"),
    (FRI, "Snow fell overnight, and a blizzard warning remains in effect until 7 a.m. Monday.", "7 a.m. Monday", "2026-01-26T07:00", "2026-01-26T07:00", "2026-01-26T07:01", "time"),
    (FRI, "The road is closed through Wednesday.", "Wednesday", "2026-01-28", "2026-01-28", "2026-01-29", "day"),
    (FRI, "The road was closed through Wednesday.", "Wednesday", "2026-01-21", "2026-01-21", "2026-01-22", "day"),
    (FRI, "United extended its waiver to cover trips through Wednesday.", "Wednesday", "2026-01-28", "2026-01-28", "2026-01-29", "day"),
    # the morning after an evening or a night is the next day; midnight after a past day ends it
    (date(2025, 8, 19), "Crews shut I-5 on Monday night. The interstate reopened at 4:30 a.m., the agency said.", "4:30 a.m.", "2025-08-19T04:30", "2025-08-19T04:30", "2025-08-19T04:31", "time"),
    (date(2025, 8, 19), "The blast came on Monday. Police arrived at 3 a.m.", "3 a.m.", "2025-08-18T03:00", "2025-08-18T03:00", "2025-08-18T03:01", "time"),
    (date(2027, 8, 14), "The order was issued at 11:40 p.m. Friday. By 6 a.m. local time, the fire had grown.", "6 a.m. local time", "2027-08-14T06:00", "2027-08-14T06:00", "2027-08-14T06:01", "time"),
    (date(2027, 8, 14), "The order was issued at 11:40 p.m. Friday. By 2 p.m., the fire had grown.", "2 p.m.", "2027-08-13T14:00", "2027-08-13T14:00", "2027-08-13T14:01", "time"),
    (date(2025, 5, 19), "Voters went to the polls on Sunday. He spoke shortly after midnight.", "midnight", "2025-05-18T24:00", "2025-05-19T00:00", "2025-05-19T00:01", "time"),
    (date(2027, 5, 11), "The opening exhibition runs until Sept. 26.", "Sept. 26", "2027-09-26", "2027-09-26", "2027-09-27", "day"),
    (date(2027, 5, 11), "The exhibition ran until Sept. 26.", "Sept. 26", "2026-09-26", "2026-09-26", "2026-09-27", "day"),
    (date(2024, 3, 20), "The canal marks its 110th anniversary in August.", "August", "2024-08", "2024-08-01", "2024-09-01", "month"),
    (date(2025, 7, 4), "Frost risk remains for Tuesday night.", "Tuesday night", "2025-07-08TNI", "2025-07-08T21:00", "2025-07-09T06:00", "time"),
    # a clock time is on the day named right after it, never on a day ahead in a past clause,
    # and of any day before a set; "a Monday" is some Monday
    (date(2025, 6, 12), "It will hold a briefing at 16:00 UTC on June 18.", "16:00 UTC", "2025-06-18T16:00", "2025-06-18T16:00", "2025-06-18T16:01", "time"),
    (date(2026, 10, 28), "The next decision is on Dec. 9. The dollar weakened 0.3% by midday.", "midday", "2026-10-28T12:00", "2026-10-28T12:00", "2026-10-28T12:01", "time"),
    (date(2026, 10, 28), "The next decision is on Dec. 9. It starts at 10 a.m.", "10 a.m.", "2026-12-09T10:00", "2026-12-09T10:00", "2026-12-09T10:01", "time"),
    (date(2027, 8, 14), "Updates will be posted at 9 a.m. and 6 p.m. daily.", "9 a.m.", "XXXX-XX-XXT09:00", None, None, None),
    (date(2027, 8, 14), "My son works until 9 p.m. three nights a week.", "9 p.m.", "XXXX-XX-XXT21:00", None, None, None),
    (date(2027, 8, 14), "The market opened at 9 a.m. Trading was heavy every hour.", "9 a.m.", "2027-08-14T09:00", "2027-08-14T09:00", "2027-08-14T09:01", "time"),
    (date(2025, 6, 12), "A bad push on a Monday afternoon can stop payments.", "a Monday afternoon", "XXXX-WXX-1TAF", None, None, None),
    # a month of the year its sentence opened with; not of a year further on (a comparison)
    (date(2027, 8, 14), "In 2019, the company moved its headquarters in August.", "August", "2019-08", "2019-08-01", "2019-09-01", "month"),
    (date(2027, 8, 14), "The fire of 2023 was worse. That year, a fire destroyed homes in one night in August.", "August", "2023-08", "2023-08-01", "2023-09-01", "month"),
    (date(2027, 8, 14), "Sales rose 5% in 2023 and fell 2% in January.", "January", "2027-01", "2027-01-01", "2027-02-01", "month"),
    (date(2027, 8, 14), "In 2023, sales rose, and they will rise again in September.", "September", "2027-09", "2027-09-01", "2027-10-01", "month"),
    # an adjective after a numeral is no past; a day listed after another follows it
    (date(2026, 1, 2), "The field will meet for the first of three televised debates on Feb. 12, followed by debates on March 26.", "March 26", "2026-03-26", "2026-03-26", "2026-03-27", "day"),
    (date(2026, 8, 20), "The calendar adds two teacher-development days, on Oct. 9 and Feb. 12.", "Feb. 12", "2027-02-12", "2027-02-12", "2027-02-13", "day"),
    (date(2026, 8, 20), "Strikes on Feb. 29 and March 1 hit services.", "March 1", "2024-03-01", "2024-03-01", "2024-03-02", "day"),
    (date(2026, 3, 14), "Northern lights may be visible tonight and Sunday night.", "Sunday night", "2026-03-15TNI", "2026-03-15T21:00", "2026-03-16T06:00", "time"),
    (date(2026, 3, 14), "Officials met on Thursday, Friday and Saturday.", "Friday", "2026-03-13", "2026-03-13", "2026-03-14", "day"),
    (date(1998, 2, 6), "Following are statements made Friday and Thursday by the lawyer.", "Thursday", "1998-02-05", "1998-02-05", "1998-02-06", "day"),
    (date(2026, 3, 14), "Forecasters issued a watch after the sun hurled clouds of particles, raising the chance of auroras tonight and Sunday night.", "Sunday night", "2026-03-15TNI", "2026-03-15T21:00", "2026-03-16T06:00", "time"),
    (date(2026, 12, 29), "Showers are forecast from Thursday, New Year's Eve.", "New Year's Eve", "2026-12-31", "2026-12-31", "2027-01-01", "day"),
    # a quoted title's marks end no clause, and its words are no cue; nor is a name's word
    (date(2027, 10, 29), "Channel 4 will show a documentary, \"The Lost Hour\", at 9 p.m. on Saturday.", "Saturday", "2027-10-30", "2027-10-30", "2027-10-31", "day"),
    (date(2027, 10, 29), "\"We ran out of time,\" he said. \"It reopens on Monday.\"", "Monday", "2027-11-01", "2027-11-01", "2027-11-02", "day"),
    (date(2027, 10, 29), "The director cast actor Will Smith on Monday.", "Monday", "2027-10-25", "2027-10-25", "2027-10-26", "day"),
    (date(2027, 10, 29), "Clocks go back this weekend.", "this weekend", "2027-W43-WE", "2027-10-30", "2027-11-01", "week"),
    # a range's opening day takes the year its end gives; a range's closing day follows its opening one;
    # a "when" after a year speaks of that year
    (date(2025, 8, 2), "Next year's festival will run from July 30 to Aug. 2, 2026.", "July 30", "2026-07-30", "2026-07-30", "2026-07-31", "day"),
    (date(2025, 8, 2), "The show ran Dec. 28 - Jan. 3, 2025.", "Dec. 28", "2024-12-28", "2024-12-28", "2024-12-29", "day"),
    (date(2027, 8, 14), "It was shot over 19 days in February and March last year.", "February", "2026-02", "2026-02-01",
     "2026-03-01", "month"),
    (date(2027, 6, 1), "The festival runs from May 16 to May 27 next year.", "May 16", "2028-05-16", "2028-05-16",
     "2028-05-17", "day"),
    (date(2027, 6, 1), "Sales rose in March and fell in May last year.", "March", "2027-03", "2027-03-01",
     "2027-04-01", "month"),  # no range, no pair: each its own year
    (date(2024, 7, 29), "It is the worst since 2022, when curbs lasted 17 weeks, from Aug. 12 to Dec. 9.", "Aug. 12", "2022-08-12", "2022-08-12", "2022-08-13", "day"),
    (date(2024, 7, 29), "It is the worst since 2022, when curbs lasted 17 weeks, from Aug. 12 to Dec. 9.", "Dec. 9", "2022-12-09", "2022-12-09", "2022-12-10", "day"),
    (date(2024, 7, 29), "It ran from Dec. 28 to Jan. 3.", "Jan. 3", "2024-01-03", "2024-01-03", "2024-01-04", "day"),
    (date(2026, 2, 13), "The agreements, which expire in the third quarter, cover 40,000 staff.", "the third quarter", "2026-Q3", "2026-07-01", "2026-10-01", "quarter"),
    (date(1989, 10, 31), "The offer had been due to expire Friday evening.", "Friday evening", "1989-10-27TEV", "1989-10-27T18:00", "1989-10-27T21:00", "time"),
    # an event set for a date looks ahead; not a cause
    (date(2027, 3, 17), "ECOWAS called an emergency summit of its heads of state for Saturday in Abuja.", "Saturday", "2027-03-20", "2027-03-20", "2027-03-21", "day"),
    (date(2027, 3, 17), "Workers staged a strike for higher pay on Monday.", "Monday", "2027-03-15", "2027-03-15", "2027-03-16", "day"),
    # what is stopped until a day is stopped till the next such day; a clock time before "Singapore
    # time (1530 GMT) on Tuesday" is of that Tuesday; timetables in the present look ahead
    (date(2026, 1, 8), "Icelandair cancelled all departures until noon on Friday.", "noon", "2026-01-09T12:00", "2026-01-09T12:00", "2026-01-09T12:01", "time"),
    (date(2026, 1, 8), "It had grounded them until Saturday.", "Saturday", "2026-01-10", "2026-01-10", "2026-01-11", "day"),
    (date(2024, 3, 8), "Velora halted all withdrawals at 11:30 p.m. Singapore time (1530 GMT) on Tuesday.", "11:30 p.m.", "2024-03-05T23:30", "2024-03-05T23:30", "2024-03-05T23:31", "time"),
    (date(2025, 11, 19), "The autumn sales continue on Thursday.", "Thursday", "2025-11-20", "2025-11-20", "2025-11-21", "day"),
    (date(2025, 6, 10), "Ruiz, 51, is up for re-election in November.", "November", "2025-11", "2025-11-01", "2025-12-01", "month"),
    (date(2025, 7, 6), "The ministry issued a red alert for Monday and Tuesday.", "Monday", "2025-07-07", "2025-07-07", "2025-07-08", "day"),
    (date(2024, 10, 3), "Offices stay open until 8 p.m. every weekday.", "8 p.m.", "XXXX-XX-XXT20:00", None, None, None),
    (date(2026, 1, 23), "The painting \"Midnight in August\" sold on Tuesday.", "Tuesday", "2026-01-20", "2026-01-20", "2026-01-21", "day"),
    # a story moved on by "a decade later" goes on from there; "a decade later" than a year is a year
    (date(2026, 12, 5), "In 1994 she ordered the state to act. A decade later, she struck down a law, a ruling reversed the following year.", "A decade later", "2004", "2004-01-01", "2005-01-01", "year"),
    (date(2026, 12, 5), "In 1994 she ordered the state to act. A decade later, she struck down a law, a ruling reversed the following year.", "the following year", "2005", "2005-01-01", "2006-01-01", "year"),
    # a century named in passing is no reference for a story's weeks; alone, it is the only one there is
    (date(2025, 11, 18), "On Oct. 14 a team found one. It was last seen in the early 20th century. They went back two weeks later.", "two weeks later", "2025-W44", "2025-10-27", "2025-11-03", "week"),
    (date(2025, 11, 18), "In the 1980s the plant closed. A decade later it reopened.", "A decade later", "199", "1990-01-01", "2000-01-01", "decade"),
    # a cue after "and" is another clause's; a clock time right before its day is of that day
    (date(2026, 1, 15), "The president said he would begin talks on Monday and hoped to name a premier.", "Monday", "2026-01-19", "2026-01-19", "2026-01-20", "day"),
    (date(2024, 10, 3), "The meeting lasted until almost 11 p.m. on Tuesday and will meet again on Monday.", "Tuesday", "2024-10-01", "2024-10-01", "2024-10-02", "day"),
    (date(2027, 3, 5), "Tickets go on sale at 10 a.m. local time next Friday.", "10 a.m. local time", "2027-03-12T10:00", "2027-03-12T10:00", "2027-03-12T10:01", "time"),
    # a habit makes a clock time generic, a day named after it does not; "due to publish" looks ahead;
    # "the 12 months to March" ends with a March begun
    (date(2027, 5, 7), "The cafe, which normally closes at 5 p.m., stayed open.", "5 p.m.", "XXXX-XX-XXT17:00", None, None, None),
    (date(2027, 5, 7), "Testing runs 8 a.m. to 8 p.m. daily, and by 6 p.m. on Sunday most samples were back.", "6 p.m.", "2027-05-02T18:00", "2027-05-02T18:00", "2027-05-02T18:01", "time"),
    (date(2026, 2, 10), "The commission is due to publish its report in July.", "July", "2026-07", "2026-07-01", "2026-08-01", "month"),
    (date(2025, 8, 20), "The zoo drew 610,000 people in the 12 months to March.", "March", "2025-03", "2025-03-01", "2025-04-01", "month"),
    # an infinitive "to start on" has its governor's tense; "since" a weekday has begun; "no later than" looks ahead
    (date(2027, 9, 10), "Growers had been allowed to start on Aug. 30.", "Aug. 30", "2027-08-30", "2027-08-30", "2027-08-31", "day"),
    (date(2027, 9, 8), "Flags have flown at half-mast since Friday and will stay lowered.", "Friday", "2027-09-03", "2027-09-03", "2027-09-04", "day"),
    (date(2024, 9, 18), "The game will now come out \"no later than March 31\", the company said.", "March 31", "2025-03-31", "2025-03-31", "2025-04-01", "day"),
    # a day of a year named after it
    (date(2024, 11, 21), "Arguments were held on April 11 of this year, and the ruling came seven months later.", "April 11 of this year", "2024-04-11", "2024-04-11", "2024-04-12", "day"),
    (date(2024, 11, 21), "Arguments were held on April 11 of this year, and the ruling came seven months later.", "seven months later", "2024-11", "2024-11-01", "2024-12-01", "month"),
    # "since" looks back; an infinitive is no past verb; a present plan looks ahead
    (date(2025, 8, 7), "Since Oct. 1, when the agency begins counting, 164 people have died.", "Oct. 1", "2024-10-01", "2024-10-01", "2024-10-02", "day"),
    (date(2025, 8, 7), "The Fed has room to cut in September, an analyst said.", "September", "2025-09", "2025-09-01", "2025-10-01", "month"),
    (date(2026, 1, 7), "A civil lawsuit is scheduled for trial in the fall.", "the fall", "2026-FA", "2026-09-01", "2026-12-01", "season"),
    (date(2026, 1, 7), "The trial was scheduled for the fall.", "the fall", "2025-FA", "2025-09-01", "2025-12-01", "season"),
    # a weekday with a date picks the year it fits; a story's year gives way to it, and to the future
    (date(2026, 1, 7), "Keel resigned on Oct. 27, 2023. Testimony resumed Monday, Dec. 29.", "Monday, Dec. 29", "2025-12-29", "2025-12-29", "2025-12-30", "day"),
    (date(2025, 9, 20), "She was born on May 3, 1937. A memorial service will be held on Oct. 11.", "Oct. 11", "2025-10-11", "2025-10-11", "2025-10-12", "day"),
    # months counted from the last date mentioned
    (FRI, "In 1998 she testified. She told lawmakers that June.", "that June", "1998-06", "1998-06-01", "1998-07-01", "month"),
    (FRI, "Keel resigned on Oct. 27, 2023. He was indicted the following March.", "the following March", "2024-03", "2024-03-01", "2024-04-01", "month"),
    (FRI, "The strike ended in May 2019. It had begun the previous March.", "the previous March", "2019-03", "2019-03-01", "2019-04-01", "month"),
    # quarters and weeks named by a month or a day; holidays; comparisons
    (FRI, "For the December quarter, sales rose.", "the December quarter", "2025-Q4", "2025-10-01", "2026-01-01", "quarter"),
    (date(2025, 10, 24), "Nimbus reported a 6% rise in Q3.", "Q3", "2025-Q3", "2025-07-01", "2025-10-01", "quarter"),
    (FRI, "Claims rose in the week ended Jan. 17.", "the week", "2026-W03", "2026-01-12", "2026-01-19", "week"),
    (FRI, "A payment had been made on Christmas Eve.", "Christmas Eve", "2025-12-24", "2025-12-24", "2025-12-25", "day"),
    (FRI, "The storm landed three hours earlier than expected.", "three hours", "PT3H", "", "", ""),
    (FRI, "Admissions rose over the past fortnight.", "the past fortnight", "P2W", "2026-01-09", "2026-01-23", ""),
    # "for" sets a date after a verb of plans, not after a noun of data
    (date(2025, 8, 7), "Investors will watch the consumer price index for July.", "July", "2025-07", "2025-07-01", "2025-08-01", "month"),
    (date(2026, 1, 7), "The trial is scheduled for the fall.", "the fall", "2026-FA", "2026-09-01", "2026-12-01", "season"),
    (FRI, "Starts had fallen for three consecutive quarters.", "three consecutive quarters", "P9M", "", "", ""),
    (date(2026, 2, 5), "Buckley said a pause until the summer was more likely.", "the summer", "2026-SU", "2026-06-01", "2026-09-01", "season"),
    (date(2026, 2, 5), "Rates were held until the summer.", "the summer", "2025-SU", "2025-06-01", "2025-09-01", "season"),
    (date(2026, 3, 4), "It will cut 1,800 jobs by the end of the second quarter.", "the end of the second quarter", "2026-Q2", "2026-05-31", "2026-07-01", "quarter"),
    # a weekday named for what happened on it is past, unless a firm future or "ahead of" looks to it
    (date(2000, 1, 7), "They would look for ways to get around Wednesday's ruling.", "Wednesday", "2000-01-05", "2000-01-05", "2000-01-06", "day"),
    (date(2000, 1, 7), "Troops deployed ahead of Sunday's vote.", "Sunday", "2000-01-09", "2000-01-09", "2000-01-10", "day"),
    (date(2000, 1, 7), "He will attend Monday's meeting.", "Monday", "2000-01-10", "2000-01-10", "2000-01-11", "day"),
    (date(2026, 3, 3), "Prices rose between March and May.", "May", "2025-05", "2025-05-01", "2025-06-01", "month"),
    (date(2026, 3, 3), "Imports rose from November to February.", "February", "2026-02", "2026-02-01", "2026-03-01", "month"),
    # a fixture in the present looks ahead, after its team's name; "face" as a noun is no cue
    (date(2025, 8, 29), "Villa host Crystal Palace on Saturday.", "Saturday", "2025-08-30", "2025-08-30", "2025-08-31", "day"),
    (date(2025, 8, 29), "The hosts won on Saturday.", "Saturday", "2025-08-23", "2025-08-23", "2025-08-24", "day"),
    (date(1989, 10, 30), "He said that at the close of business Thursday, C$44 million face amount had been tendered.", "Thursday", "1989-10-26", "1989-10-26", "1989-10-27", "day"),
    # a clock time after a set, or after a clock time of no day, is of any such day
    (date(2026, 4, 9), "Began March 2. Clinics open every Saturday from 9 a.m. to 3 p.m.", "3 p.m.", "XXXX-XX-XXT15:00", None, None, None),
    (date(2026, 4, 9), "Police arrived on Monday at 9 a.m.", "9 a.m.", "2026-04-06T09:00", "2026-04-06T09:00", "2026-04-06T09:01", "time"),
    # after midnight is the next day
    (date(2026, 3, 2), "The quake struck on Saturday. Crews reached her after midnight. She was flown out at 7:10 a.m.", "7:10 a.m.", "2026-03-01T07:10", "2026-03-01T07:10", "2026-03-01T07:11", "time"),
    # a date the present states is a calendar's; "X of that year"
    (date(2026, 1, 2), "The general election is Nov. 3.", "Nov. 3", "2026-11-03", "2026-11-03", "2026-11-04", "day"),
    (date(2024, 10, 9), "Backup opportunities are available on Friday.", "Friday", "2024-10-11", "2024-10-11", "2024-10-12", "day"),
    (date(2026, 4, 9), "Second-dose appointments start on Monday.", "Monday", "2026-04-13", "2026-04-13", "2026-04-14", "day"),
    (date(2026, 1, 2), "Benton plans a bus tour from Monday to Wednesday.", "Monday", "2026-01-05", "2026-01-05", "2026-01-06", "day"),
    (FRI, "He resigned in March 2023 and was indicted in October of that year.", "October of that year", "2023-10", "2023-10-01", "2023-11-01", "month"),
    (FRI, "The scheme began in the spring of 2016.", "the spring of 2016", "2016-SP", "2016-03-01", "2016-06-01", "season"),
    (FRI, "The rover can drive for up to six hours a day.", "up to six hours a day", "P1D", "", "", None),
    (date(2026, 2, 16), "The hackers threatened to publish patient records on Friday.", "Friday", "2026-02-20", "2026-02-20", "2026-02-21", "day"),
    (date(2026, 4, 20), "They have negotiated since their contract expired on Dec. 31, 2023. Talks broke down on April 2.", "April 2", "2026-04-02", "2026-04-02", "2026-04-03", "day"),
    (date(2026, 4, 9), "It was approved in February. The board will review the hours at the end of the month.", "the end of the month", "2026-04", "2026-04-21", "2026-05-01", "month"),
    (date(2026, 4, 9), "It was approved in February. The board reviewed the hours at the end of the month.", "the end of the month", "2026-02", "2026-02-19", "2026-03-01", "month"),
    (date(2026, 3, 2), "The quake struck at 11:52 p.m. local time Friday.", "11:52 p.m. local time Friday", "2026-02-27T23:52", "2026-02-27T23:52", "2026-02-27T23:53", "time"),
    # "on" is a signal between a clock time and its day, as TimeML has it: two phrases, one day
    (date(2026, 3, 2), "The quake struck at 11:52 p.m. local time on Friday.", "11:52 p.m. local time", "2026-02-27T23:52", "2026-02-27T23:52", "2026-02-27T23:53", "time"),
    (date(2026, 3, 2), "The quake struck at 11:52 p.m. local time on Friday.", "Friday", "2026-02-27", "2026-02-27", "2026-02-28", "day"),
    (date(2026, 3, 14), "Aurora may be seen between 8 p.m. and midnight Eastern time on Saturday.", "8 p.m.", "2026-03-14T20:00", "2026-03-14T20:00", "2026-03-14T20:01", "time"),
    # --- sets
    (FRI, "We train every morning.", "every morning", "XXXX-XX-XXTMO", "", "", None),
    (FRI, "The list is published each autumn.", "each autumn", "XXXX-FA", "", "", None),
    (FRI, "The paper is published daily.", "daily", "P1D", "", "", None),
    (FRI, "The council meets weekly.", "weekly", "P1W", "", "", None),
    (FRI, "It will report results quarterly rather than twice a year.", "quarterly", "P3M", "", "", None),
    # "'ll" and a modal before a noun look ahead; a present timetable ("open on") and a day that is a
    # present subject ("Monday is") too; not the adjective after "was", nor "may have" + participle
    (MON, "Then on Saturday I'll sleep in.", "Saturday", "2025-01-11", "", "", "day"),
    (MON, "\u201cWe\u2019ll know by Friday,\u201d he said.", "Friday", "2025-01-10", "", "", "day"),
    (MON, "Applications open at noon on Thursday, the council said.", "Thursday", "2025-01-09", "", "", "day"),
    (MON, "The store was open on Thursday.", "Thursday", "2025-01-02", "", "", "day"),
    (MON, "Scotland may have a better chance on Wednesday, it said.", "Wednesday", "2025-01-08", "", "", "day"),
    (MON, "He may have left on Friday.", "Friday", "2025-01-03", "", "", "day"),
    (NYE, "High tide on Monday is at 11:14 a.m.", "Monday", "2024-01-01", "", "", "day"),
    (NYE, "High tide on Monday is at 11:14 a.m.", "11:14 a.m.", "2024-01-01T11:14", "", "", "time"),
    # a clock time in brackets in another zone is on the same day; dawn and parts of a day named after
    (FRI, "The market shut at 1:30 p.m. (0530 GMT) on Thursday.", "0530 GMT", "2026-01-22T05:30", "", "", "time"),
    (FRI, "Troops moved in at dawn on Tuesday.", "dawn", "2026-01-20TMO", "", "", "time"),
    (FRI, "Prices rose on Jan. 5. Troops moved in in the morning on Tuesday.", "the morning", "2026-01-20TMO", "", "", "time"),
    (FRI, "The bridge fell during the evening rush hour yesterday.", "the evening", "2026-01-22TEV", "", "", "time"),
    (FRI, "He spoke in the evening and left for Paris on Monday.", "the evening", "2026-01-23TEV", "", "", "time"),
    (FRI, "The order came at 11:40 p.m. on Jan. 16 and grew twice before dawn.", "dawn", "2026-01-17TMO", "", "", "time"),
    (FRI, "The order came at 11:40 p.m. Thursday and grew twice before dawn.", "dawn", "2026-01-23TMO", "", "", "time"),
    (FRI, "Bakers start at five in the morning.", "five in the morning", "2026-01-23T05:00", "", "", "time"),
    # an attribution with a bracketed acronym is not the clause's tense; a request's deadline, a warning
    # until a day, and a condition under "would" (scare quotes end no clause) look ahead
    (FRI, "Dockers will strike for 48 hours from 6 a.m. on Monday, the Maritime Union of Australia (MUA) said.", "Monday", "2026-01-26", "", "", "day"),
    (FRI, "Hughes urged both sides to return to the table before the weekend.", "the weekend", "2026-W04-WE", "", "", "week"),
    (FRI, "Hughes urged both sides on Monday to return to talks.", "Monday", "2026-01-19", "", "", "day"),
    (FRI, "The agency issued a heat warning for the interior until Thursday and said it was hot.", "Thursday", "2026-01-29", "", "", "day"),
    (FRI, "The agency issued a heat warning on Thursday.", "Thursday", "2026-01-22", "", "", "day"),
    (FRI, "He said the union would call off the strike if the firm tabled a \"serious\" offer by Tuesday evening.", "Tuesday evening", "2026-01-27TEV", "", "", "time"),
    (FRI, "He asked if she left on Tuesday.", "Tuesday", "2026-01-20", "", "", "day"),
    # a clock time in a present habit with no day in its sentence is of any day, not the last one named
    (FRI, "Crews began on Tuesday. Spraying is done between 6 a.m. and 10 a.m., and again in the late afternoon.", "6 a.m.", "XXXX-XX-XXT06:00", "", "", ""),
    (FRI, "The rye is mixed on Thursday. By midday most of the rye is gone.", "midday", "XXXX-XX-XXT12:00", "", "", ""),
    (FRI, "Police came on Tuesday. Kick-off is at 4.30pm.", "4.30pm", "2026-01-20T16:30", "", "", "time"),
    # the Nth week of a month is the ISO week holding the middle of its seven days; more fixed holidays
    (FRI, "Crews return in the first week of January.", "the first week of January", "2026-W01", "", "", "week"),
    (FRI, "Talks resume in the second week of March.", "the second week of March", "2026-W11", "", "", "week"),
    (FRI, "Sales peaked in the last week of August 2025.", "the last week of August 2025", "2025-W35", "", "", "week"),
    (FRI, "He won on St Stephen's Day in 2018.", "St Stephen's Day", "2025-12-26", "", "", "day"),
    (FRI, "Shops closed over New Year.", "New Year", "2026-01-01", "", "", "day"),
    # nights count as days in a length of stay; the night of the day under discussion; sets of a fortnight
    # and of a holiday; Remembrance Sunday
    (FRI, "She booked a 12-night cruise.", "12-night", "P12D", "", "", None),
    (FRI, "He spent two nights in hospital.", "two nights", "P2D", "", "", None),
    (FRI, "Police came on Jan. 14. Crews worked through the night.", "the night", "2026-01-14TNI", "", "", "time"),
    (FRI, "Buyers meet every fortnight.", "every fortnight", "P2W", "", "", None),
    (FRI, "The pantomime returns every Christmas.", "every Christmas", "XXXX-12-25", "", "", None),
    (FRI, "Wreaths were laid on Remembrance Sunday.", "Remembrance Sunday", "2025-11-09", "", "", "day"),
    # a past verb with its object before the preposition governs the phrase; a past plan does not
    (MON, "Police arrested him in May.", "May", "2024-05", "", "", "month"),
    (MON, "The plant was set to close in May.", "May", "2025-05", "", "", "month"),
    # "next"/"last" before a holiday: the first one after / before the DCT
    (MON, "He will not make it to next Christmas.", "next Christmas", "2025-12-25", "", "", "day"),
    (MON, "Sales fell last Christmas.", "last Christmas", "2024-12-25", "", "", "day"),
    # "the end of the week" in a future clause is this week's, not that of a past week mentioned before
    (FRI, "Crews had arrived last week, and more were expected at the end of the week.", "the end of the week", "2026-W04", "", "", "week"),
    (FRI, "Crews arrived last week and left at the end of the week.", "the end of the week", "2026-W03", "", "", "week"),
    # a rate after an amount is a set; the amount stays outside
    (FRI, "About 200 trucks a day enter the city.", "a day", "P1D", "", "", None),
    (FRI, "The levy raises 60 billion shillings a year.", "a year", "P1Y", "", "", None),
    (FRI, "The drug costs $15,500 a month.", "a month", "P1M", "", "", None),
    (FRI, "Inmates get one meal a day.", "a day", "P1D", "", "", None),
    (FRI, "Inspectors visit every week.", "every week", "P1W", "", "", None),
    (FRI, "Talks are held every two years.", "every two years", "P2Y", "", "", None),
    (FRI, "They protest every Friday.", "every Friday", "XXXX-WXX-5", "", "", None),
    (FRI, "They meet twice a week.", "twice a week", "P1W", "", "", None),
    (FRI, "Reports are filed annually.", "annually", "P1Y", "", "", None),
    (FRI, "The index is updated monthly.", "monthly", "P1M", "", "", None),
    # --- vague references
    (FRI, "Hundreds of officers have recently defected.", "recently", "PAST_REF", "2025-12-24", "2026-01-23", "vague"),
    (FRI, "Prices are now higher.", "now", "PRESENT_REF", "2026-01-23", "2026-01-24", "vague"),
    (FRI, "He is currently in Geneva.", "currently", "PRESENT_REF", "2026-01-23", "2026-01-24", "vague"),
    (FRI, "Such purges happened in the past.", "the past", "PAST_REF", None, "2026-01-23", "vague"),
    (FRI, "Talks may resume in the future.", "the future", "FUTURE_REF", "2026-01-24", None, "vague"),
    (FRI, "Prices have lately risen.", "lately", "PAST_REF", "", "2026-01-23", "vague"),
    (FRI, "Arrests rose in recent weeks.", "recent weeks", "PAST_REF", "", "2026-01-23", "vague"),
    (FRI, "Prices will fall in the coming weeks.", "the coming weeks", "FUTURE_REF", "2026-01-24", "2026-03-07", "vague"),
    (FRI, "Doctors were injured in November in Vancouver.", "November", "2025-11", "2025-11-01", "2025-12-01", "month"),
    (LEAP, "Officials recently met.", "recently", "PAST_REF", "2024-01-31", "2024-03-01", "vague"),
    # a clock time is on the story's day, not on the day of a report or a gloss in brackets
    (FRI, "Thieves struck early on Sunday, police said on Tuesday. Cameras filmed them at 3:12 a.m.", "3:12 a.m.",
     "2026-01-18T03:12", "2026-01-18T03:12", "2026-01-18T03:13", "time"),
    (FRI, "It hit land at 2:40 a.m. (1840 GMT Thursday). It weakened during the morning.", "the morning",
     "2026-01-23TMO", "2026-01-23T06:00", "2026-01-23T12:00", "time"),
    (FRI, "Fund managers said on Tuesday that police came at 3 a.m.", "3 a.m.",
     "2026-01-20T03:00", "2026-01-20T03:00", "2026-01-20T03:01", "time"),
    # "the next morning" counts from the last day, not from a decade named since
    (FRI, "It left at 7.53pm on Thursday. The 1980s were its heyday. It reached Milan the next morning.",
     "the next morning", "2026-01-23TMO", "2026-01-23T06:00", "2026-01-23T12:00", "time"),
    # a UK weekday before a day and month is one phrase, and a clock time before it is on that day
    (FRI, "Nominations close at 5pm on Friday 27 February.", "5pm", "2026-02-27T17:00", "2026-02-27T17:00",
     "2026-02-27T17:01", "time"),
    # a month takes the year that closes its clause, not one across a comma
    (FRI, "It recorded its hottest July on record last year.", "July", "2025-07", "2025-07-01", "2025-08-01",
     "month"),
    (date(2026, 5, 18), "He said July was 70% booked, up from 40% at this point last year.", "July", "2026-07",
     "2026-07-01", "2026-08-01", "month"),
    (date(2026, 9, 6), "The film opens on Oct. 15 and is due to stream early next year.", "Oct. 15", "2026-10-15",
     "2026-10-15", "2026-10-16", "day"),
    # "until" after a verb that holds something off is a deadline still ahead
    (date(2027, 5, 12), "Its lenders had agreed to waive a covenant test until September.", "September", "2027-09",
     "2027-09-01", "2027-10-01", "month"),
    # an infinitive is no timetable's present: "had been due to reopen on Monday" is past
    (FRI, "Schools had been due to reopen on Monday after the holiday.", "Monday", "2026-01-19", "2026-01-19",
     "2026-01-20", "day"),
    # a past participle with its agent before the preposition governs the phrase; "followed by" does not
    (date(2026, 10, 22), "It ignored elections held by the military government in December.", "December",
     "2025-12", "2025-12-01", "2026-01-01", "month"),
    (date(2026, 1, 2), "The first debate is on Feb. 12, followed by debates on March 26.", "March 26",
     "2026-03-26", "2026-03-26", "2026-03-27", "day"),
    (date(2026, 4, 5), "Shops reopen on Easter Monday.", "Easter Monday", "2026-04-06", "2026-04-06", "2026-04-07",
     "day"),
    # "the following year" is a year, "14 years later" keeps the month it counts from
    (FRI, "He joined in March 2019 and left the following year.", "the following year", "2020", "2020-01-01",
     "2021-01-01", "year"),
    (FRI, "He joined in December 2002 and left 14 years later.", "14 years later", "2016-12", "2016-12-01",
     "2017-01-01", "month"),
    (FRI, "In 2019 the river flooded. That summer was wet.", "That summer", "2019-SU", "2019-06-01", "2019-09-01",
     "season"),
    (FRI, "Sales will rise in the first quarter. Results are due by the end of the month.", "the end of the month",
     "2026-01", "2026-01-21", "2026-02-01", "month"),
    (FRI, "She shipped it at lunchtime on Thursday.", "lunchtime", "2026-01-22TMI", "2026-01-22T12:00",
     "2026-01-22T14:00", "time"),
    (FRI, "She watched the Fourth of July fireworks.", "the Fourth of July", "2025-07-04", "2025-07-04",
     "2025-07-05", "day"),
]

NOT_DATES = [
    'Her debut, "Seven Days in Nazare," won a prize.',  # a quoted title
    "The Sunday Times reported the leak.",
    "Thousands joined the Women's March in Washington.",
    "Humans arrived 1.5 million years ago.",
    "He was soon taken to a hospital.",
    "Police said 1700 people were detained.",
    "Officials may resign over the scandal.",
    "In a now-deleted section of the statement, the IRGC warned.",
    "Israel's channel 12 reported the news.",
    "He was the second highest-ranking official.",
    "A second official defected.",
    "The army sold 2019 rifles.",
    "Shares rose 2.5% to $2,010.",
    "Troops march through the capital.",
    "Prices fall when supply rises.",
    "He won 1,998 votes.",
    "The company has 500 employees and $30 million in debt.",
    "Room 1204 was searched.",
    "Call 555-2026 for details.",
    "She scored a 10 out of 12.",
    "Half a dozen people came.",
    "Rates rose 2.5% to $2.5 million.",
    "The bank cut rates by a quarter of a percentage point.",
    "A quarter of its staff left.",
    "Nearly a quarter of likely voters were undecided.",
    "March said the comet had surprised astronomers.",
    "Markets shut for the Persian New Year.",
    "Graham Friday, 54, of Harrogate, pleaded guilty.",
    "Tyler Sunday scored twice.",
    "It pays a quarterly dividend.",
]


@pytest.mark.parametrize("dct,text,extent,value,start,end,precision", CASES,
                         ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_phrase(dct, text, extent, value, start, end, precision):
    found = {t.text: t for t in find_timexes(text, dct)}
    assert extent in found, f"{extent!r} not found in {list(found)}"
    timex = found[extent]
    assert timex.value == value
    assert text[timex.start:timex.end] == extent
    if start != "":
        assert timex.interval_start == start
    if end != "":
        assert timex.interval_end == end
    if precision != "":
        assert timex.precision == precision


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text):
    assert find_timexes(text, FRI) == []


def test_table_is_large_enough():
    assert len(CASES) + len(NOT_DATES) >= 150


def test_year_earlier_twice_counts_from_the_same_quarter():
    text = ("Profit rose to $5 in the third quarter of 1997 from $4 a year earlier. "
            "Sales rose to $9 from $8 a year earlier.")
    values = [t.value for t in find_timexes(text, TB)]
    assert values == ["1997-Q3", "1996-Q3", "1996-Q3"]


def test_next_day_chains_from_an_anaphoric_day():
    text = "Troops left on Jan. 14. Two days later riots began. The next day the army returned."
    values = [t.value for t in find_timexes(text, FRI)]
    assert values == ["2026-01-14", "2026-01-16", "2026-01-17"]


@pytest.mark.parametrize("text, extent, value", [
    ("He spoke. A day later the army moved.", "A day later", "XXXX-XX-XX"),
    ("Three years later, he was dead.", "Three years later", "XXXX"),
])
def test_later_with_no_date_before_it_in_a_past_clause_is_no_date(text, extent, value):
    """Counted from the DCT it would be after publication, in a clause about the past."""
    timex = next(t for t in find_timexes(text, FRI) if t.text == extent)
    assert (timex.value, timex.interval_start, timex.interval_end, timex.precision) == (value, None, None, None)


@pytest.mark.parametrize("text,extent", [
    ("The ferry carries 1,400 passengers a day.", "a day"),
    ("Inmates get one meal a day.", "a day"),
    ("It costs 500 pounds a month.", "a month"),
])
def test_rate_after_amount_is_a_set(text, extent):
    found = {t.text: t.type for t in find_timexes(text, FRI)}
    assert found == {extent: "SET"}


@pytest.mark.parametrize("text,extent,kind", [
    ("He sold 5 million copies in a year.", "a year", "DURATION"),
    ("Sales rose 3 percent a year earlier.", "a year earlier", "DATE"),
])
def test_amount_before_a_unit_that_is_no_rate(text, extent, kind):
    found = {t.text: t.type for t in find_timexes(text, FRI)}
    assert found == {extent: kind}


def test_dawn_as_a_name_is_no_time():
    assert [t.text for t in find_timexes("Police came from Dawn Hughes's house on Monday.", FRI)] == ["Monday"]


def test_early_or_late_part_of_the_day_keeps_its_mod():
    (late,) = find_timexes("It rained again in the late afternoon.", FRI)
    assert (late.text, late.value, late.mod) == ("the late afternoon", "2026-01-23TAF", "END")


def test_a_part_of_the_day_after_a_longer_period_keeps_no_time():
    """"the night" when the last date is a weekend: some night of it, not a day's night."""
    found = {t.text: t for t in find_timexes("Storms hit over the weekend. Crews worked through the night.", FRI)}
    assert found["the night"].value == found["the weekend"].value == "2026-W03-WE"


def test_a_month_takes_the_year_that_opened_the_sentence_past_a_duration():
    text = "The fire of 2023 was worse. That year, a fire destroyed homes in one night in August."
    assert {t.text: t.value for t in find_timexes(text, date(2027, 8, 14))}["August"] == "2023-08"


@pytest.mark.parametrize("text", [
    "It is open from 10 a.m. to 6 p.m., Tuesday to Sunday.",
    "Monday through Friday, two eggs over easy and rye toast.",
    "The museum is open Tuesday-Sunday.",
])
def test_a_range_of_weekdays_in_a_habit_is_a_set_of_each(text):
    found = {t.text: (t.type, t.value) for t in find_timexes(text, WED)}
    days = [(kind, value) for phrase, (kind, value) in found.items() if not phrase[0].isdigit()]
    assert len(days) == 2 and all(kind == "SET" and value.startswith("XXXX-WXX-") for kind, value in days)
    assert all(value.startswith("XXXX-XX-XXT") for phrase, (kind, value) in found.items() if phrase[0].isdigit())


@pytest.mark.parametrize("text,first,last", [
    ("The strike ran from Monday to Friday.", "2026-01-12", "2026-01-16"),
    ("He will be away Monday through Wednesday.", "2026-01-26", "2026-01-28"),
    ("The talks ran Friday to Sunday.", "2026-01-16", "2026-01-18"),
])
def test_a_particular_range_of_weekdays_ends_after_it_starts(text, first, last):
    assert [t.value for t in find_timexes(text, WED)] == [first, last]


@pytest.mark.parametrize("text,extent,value", [
    ("Roads will be closed from 6 p.m. on Saturday until noon on Sunday.", "Sunday", "2026-01-25"),
    ("Roads will be closed from 6 p.m. on Saturday until noon on Sunday.", "noon", "2026-01-25T12:00"),
    ("The subway will run from Saturday morning until Sunday afternoon.", "Sunday afternoon", "2026-01-25TAF"),
    ("The Acropolis closed from noon to 5 p.m. on Friday.", "Friday", "2026-01-23"),
])
def test_a_weekday_closing_a_range_from_a_named_day_comes_after_it(text, extent, value):
    """In a Sunday paper, "until noon on Sunday" after next Saturday is the Sunday after it, not today."""
    sunday = date(2026, 1, 18)
    found = {t.text: t.value for t in find_timexes(text, sunday if "Sunday" in text else FRI)}
    assert found[extent] == value


@pytest.mark.parametrize("text,extent,value", [
    # a headline's "to" and a verb look ahead; not after a past verb
    ("Nurses to strike for five days starting Tuesday\nTalks failed.", "Tuesday", "2026-01-27"),
    ("Rosie's Diner to serve its last breakfast Sunday after 62 years\nIt opened in 1962.", "Sunday", "2026-01-25"),
    ("Shares fell to record lows Tuesday\nStocks fell.", "Tuesday", "2026-01-20"),
    # what someone was asked, agreed or voted to do on a weekday is ahead of it
    ("The DGAC asked airlines to cancel a quarter of their flights at Orly and Nice on Thursday.", "Thursday",
     "2026-01-29"),
    ("The union voted to strike on Thursday.", "Thursday", "2026-01-29"),
    ("He was due back in the kitchen on Wednesday night.", "Wednesday night", "2026-01-28TNI"),
    # a range from a date weeks back ends on the tense's weekday
    ("Shares were bought from Jan. 2 to Thursday for $15.50 each.", "Thursday", "2026-01-22"),
])
def test_what_lies_ahead_of_a_request_or_a_headline(text, extent, value):
    assert {t.text: t.value for t in find_timexes(text, FRI)}[extent] == value


def test_several_nights_is_no_habit():
    assert all(t.type != "SET" for t in find_timexes("She stayed several nights in Kyiv.", FRI))


@pytest.mark.parametrize("dct,text,extent,value,interval", [
    # "the new year" is the coming year, the one just begun in its first weeks
    (date(2026, 10, 28), "Coalition talks may drag into the new year.", "the new year", "2027",
     ("2027-01-01", "2028-01-01")),
    (date(2026, 1, 23), "Sales slowed at the start of the new year.", "the new year", "2026",
     ("2026-01-01", "2027-01-01")),
    # what is left of a week begins tomorrow: on a Sunday, the coming week
    (date(2027, 4, 18), "Parliament will adjourn for the rest of the week.", "the rest of the week", "2027-W16",
     ("2027-04-19", "2027-04-26")),
    (date(2026, 9, 15), "Classes were cancelled for the rest of the week.", "the rest of the week", "2026-W38",
     ("2026-09-16", "2026-09-21")),
    # a weekday of a week named, a day and month of a year named
    (date(2026, 6, 16), "The bank decides at noon on Thursday next week.", "Thursday next week", "2026-06-25",
     ("2026-06-25", "2026-06-26")),
    (date(2024, 11, 20), "He will be sentenced on 7 March next year.", "7 March next year", "2025-03-07",
     ("2025-03-07", "2025-03-08")),
    (date(2026, 1, 21), "The minister answers questions at 9.30am tomorrow.", "9.30am tomorrow",
     "2026-01-22T09:30", ("2026-01-22T09:30", "2026-01-22T09:31")),
    # a market's close after a day's name is that day's, past, whatever the clause's tense
    (date(2027, 3, 15), "Holders will receive a premium of 24 per cent to Friday's closing price.", "Friday",
     "2027-03-12", ("2027-03-12", "2027-03-13")),
])
def test_periods_named_from_the_dct(dct, text, extent, value, interval):
    found = {t.text: t for t in find_timexes(text, dct)}
    assert (found[extent].value, (found[extent].interval_start, found[extent].interval_end)) == (value, interval)


@pytest.mark.parametrize("text,extent,type_,value", [
    ("A birth is recorded roughly every 50 seconds.", "every 50 seconds", "SET", "PT50S"),
    ("Doses are given every two or four weeks.", "every two or four weeks", "SET", "P2W"),
    ("The tour stages three Majors a year.", "a year", "SET", "P1Y"),
    ("It handled $900 million in trades a day.", "a day", "SET", "P1D"),
    ("The cap limits growth to 2.5% a year.", "a year", "SET", "P1Y"),
    ("Players train for up to 12 hours a day.", "up to 12 hours a day", "SET", "P1D"),
    # an amount further back than the default window (a rule's "reach")
    ("Developers opened 2 million pull requests a week on the site.", "a week", "SET", "P1W"),
    ("He served a five-second penalty.", "five-second", "DURATION", "PT5S"),
    ("He sold 5 million copies in a year.", "a year", "DURATION", "P1Y"),
    ("The talks could take a week or two.", "a week or two", "DURATION", "P1W"),
    ("We lost the summer to the floods.", "the summer", "DATE", "2025-SU"),
    ("The musical will close at the end of the summer.", "the end of the summer", "DATE", "2026-SU"),
    ("It sold 92% of its seats in the first three months of the year.", "the first three months of the year",
     "DURATION", "P3M"),
])
def test_rates_and_spans_as_news_writes_them(text, extent, type_, value):
    assert {t.text: (t.type, t.value) for t in find_timexes(text, FRI)}[extent] == (type_, value)


@pytest.mark.parametrize("text", ["Farmers planted the winter wheat.", "A new year brings hope.",
                                  "Analysts braced for the fall in prices."])
def test_no_season_or_year_in_a_kind_or_a_generic(text):
    assert [t.text for t in find_timexes(text, FRI) if t.type == "DATE"] == []


@pytest.mark.parametrize("text,extent,value", [
    ("The crane lifted the beam at 10:15 a.m. and it was bolted in place about 40 minutes later.",
     "about 40 minutes later", "2026-01-23T10:55"),
    ("He left at 11:30 p.m. and was arrested two hours later.", "two hours later", "2026-01-24T01:30"),
    # an apposition restates the clock time before it
    ("He climbed the fence at 8:40 a.m. Guards noticed at the 11 a.m. headcount, more than two hours later.",
     "more than two hours later", "2026-01-23T11:00"),
    # no clock time in the paragraph: the day
    ("He left on Monday. Three hours later he was arrested.", "Three hours later", "2026-01-19"),
])
def test_hours_and_minutes_later_count_from_the_last_clock_time(text, extent, value):
    assert {t.text: t.value for t in find_timexes(text, FRI)}[extent] == value

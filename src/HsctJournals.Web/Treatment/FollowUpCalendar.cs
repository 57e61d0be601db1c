using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace HsctJournals.Web.Treatment;

/// <summary>The follow-up schedule as iCalendar (RFC 5545) with Ical.Net: all-day events with stable UIDs.</summary>
public static class FollowUpCalendar
{
    public static string Write(string journalTitle, IEnumerable<FollowUpItem> items)
    {
        var calendar = new Calendar();
        calendar.AddProperty("X-WR-CALNAME", $"{journalTitle}: follow-up");
        foreach (var item in items.Where(i => !i.Done))
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = item.Uid,
                Summary = item.Title,
                Description = item.Note,
                DtStart = new CalDateTime(item.Due.Year, item.Due.Month, item.Due.Day),
                DtEnd = new CalDateTime(item.Due.AddDays(1).Year, item.Due.AddDays(1).Month, item.Due.AddDays(1).Day),
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}

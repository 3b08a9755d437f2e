namespace Jeugdhulp.Core.Termijnen;

/// <summary>Where a due date falls as seen from one day: the split a work list is read by.</summary>
public enum Termijnvak
{
    /// <summary>The due date has passed.</summary>
    TeLaat,

    /// <summary>Due today.</summary>
    Vandaag,

    /// <summary>Due after today but within the same calendar week (Monday to Sunday).</summary>
    DezeWeek,

    /// <summary>Due after this week.</summary>
    Later,
}

/// <summary>The <see cref="Termijnvak"/> of an obligation.</summary>
public static class Termijnvakken
{
    /// <summary>
    /// The vak of <paramref name="vervaldatum"/> on <paramref name="vandaag"/>. A week runs Monday to Sunday (ISO, as
    /// Dutch offices plan): on a Friday, Saturday and Sunday are still "deze week", Monday is "later".
    /// </summary>
    public static Termijnvak Van(DateOnly vervaldatum, DateOnly vandaag)
    {
        if (vervaldatum < vandaag)
        {
            return Termijnvak.TeLaat;
        }

        if (vervaldatum == vandaag)
        {
            return Termijnvak.Vandaag;
        }

        var zondag = vandaag.AddDays(((int)DayOfWeek.Sunday - (int)vandaag.DayOfWeek + 7) % 7);
        return vervaldatum <= zondag ? Termijnvak.DezeWeek : Termijnvak.Later;
    }

    /// <summary>The vak of <paramref name="v"/> on <paramref name="vandaag"/>.</summary>
    public static Termijnvak Vak(this Verplichting v, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(v);
        return Van(v.Vervaldatum, vandaag);
    }
}

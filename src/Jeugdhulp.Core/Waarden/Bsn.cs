namespace Jeugdhulp.Core.Waarden;

/// <summary>
/// A burgerservicenummer: nine digits passing the 11-proef (iJw CS002). A BSN is special personal data,
/// so <see cref="ToString"/> masks it; only <see cref="Waarde"/> gives the clear text, for messages and
/// storage, never for logs.
/// </summary>
public readonly record struct Bsn
{
    private Bsn(string waarde) => Waarde = waarde;

    /// <summary>The nine digits in clear text. Do not log.</summary>
    public string Waarde { get; }

    /// <summary>The masked form for logs and lists: only the last three digits are shown.</summary>
    public string Gemaskeerd => Waarde is null ? "*********" : "******" + Waarde[6..];

    /// <summary>Parses nine digits and applies the 11-proef.</summary>
    public static Resultaat<Bsn> Parse(string? tekst)
    {
        if (tekst is null || tekst.Length != 9 || !tekst.All(char.IsAsciiDigit))
        {
            return Resultaat<Bsn>.Mislukt("CS002", "Een BSN bestaat uit precies 9 cijfers.");
        }

        return IsElfproef(tekst)
            ? Resultaat<Bsn>.Ok(new Bsn(tekst))
            : Resultaat<Bsn>.Mislukt("CS002", "Het BSN voldoet niet aan de 11-proef.");
    }

    /// <summary>
    /// The 11-proef for a BSN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by 11, and the number is not all
    /// zeros.
    /// </summary>
    public static bool IsElfproef(ReadOnlySpan<char> cijfers)
    {
        if (cijfers.Length != 9)
        {
            return false;
        }

        var som = 0;
        var allesNul = true;
        for (var i = 0; i < 9; i++)
        {
            var c = cijfers[i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            var d = c - '0';
            allesNul &= d == 0;
            som += i < 8 ? (9 - i) * d : -d;
        }

        return !allesNul && som % 11 == 0;
    }

    /// <summary>The masked form: a BSN never reaches a log in clear text by accident.</summary>
    public override string ToString() => Gemaskeerd;
}

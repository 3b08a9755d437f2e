namespace Jeugdhulp.Ijw.Schema;

/// <summary>The 14 iJw 3.2 message types.</summary>
public enum Berichtsoort
{
    JW301,
    JW302,
    JW305,
    JW306,
    JW307,
    JW308,
    JW315,
    JW316,
    JW317,
    JW318,
    JW319,
    JW320,
    JW323,
    JW325,
}

public static class BerichtsoortInfo
{
    /// <summary>True for the retour messages that answer a heenbericht (JW302 … JW320, not JW325).</summary>
    public static bool IsRetour(this Berichtsoort soort) => soort is Berichtsoort.JW302 or Berichtsoort.JW306
        or Berichtsoort.JW308 or Berichtsoort.JW316 or Berichtsoort.JW318 or Berichtsoort.JW320;

    /// <summary>The fixed BerichtCode (IJW-3.2 §1).</summary>
    public static string BerichtCode(this Berichtsoort soort) => soort switch
    {
        Berichtsoort.JW301 => "436",
        Berichtsoort.JW302 => "437",
        Berichtsoort.JW305 => "438",
        Berichtsoort.JW306 => "439",
        Berichtsoort.JW307 => "440",
        Berichtsoort.JW308 => "441",
        Berichtsoort.JW315 => "446",
        Berichtsoort.JW316 => "447",
        Berichtsoort.JW317 => "486",
        Berichtsoort.JW318 => "487",
        Berichtsoort.JW319 => "488",
        Berichtsoort.JW320 => "489",
        Berichtsoort.JW323 => "490",
        Berichtsoort.JW325 => "491",
        _ => throw new ArgumentOutOfRangeException(nameof(soort)),
    };

    /// <summary>The retour type for a heenbericht: JW301→JW302, JW305→JW306 …; JW323 is answered by JW325.</summary>
    public static Berichtsoort? Retoursoort(this Berichtsoort soort) => soort switch
    {
        Berichtsoort.JW301 => Berichtsoort.JW302,
        Berichtsoort.JW305 => Berichtsoort.JW306,
        Berichtsoort.JW307 => Berichtsoort.JW308,
        Berichtsoort.JW315 => Berichtsoort.JW316,
        Berichtsoort.JW317 => Berichtsoort.JW318,
        Berichtsoort.JW319 => Berichtsoort.JW320,
        Berichtsoort.JW323 => Berichtsoort.JW325,
        _ => null,
    };
}

namespace Jeugdhulp.Web.Components.Shared;

/// <summary>Where something stands against its deadline (the <see cref="Statuslabel"/>'s colour).</summary>
public enum Stand
{
    Neutraal,
    OpTijd,
    Vandaag,
    TeLaat,
}

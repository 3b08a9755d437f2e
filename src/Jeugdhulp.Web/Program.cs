using Jeugdhulp.Web;
using Microsoft.AspNetCore.Builder;

// The web host on its own: `dotnet run --project src/Jeugdhulp.Web -- --Jeugdhulp:Data=DIR --urls URL`, or with
// the settings in appsettings.json and environment variables (Jeugdhulp__Data …). `jeugdhulp serve` builds the
// same host (Webapp.Bouw).
var builder = WebApplication.CreateBuilder(args);
builder.AddJeugdhulp();

var app = builder.Build();
app.UseJeugdhulp();
app.Run();

/// <summary>The entry point, public for the tests' <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;

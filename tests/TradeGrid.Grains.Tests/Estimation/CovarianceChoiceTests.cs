using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Grains.Tests.Estimation;

public sealed class CovarianceChoiceTests
{
    [Fact]
    public void Every_choice_has_the_number_and_name_of_the_numerics_kind_it_maps_to()
    {
        CovarianceChoice[] choices = Enum.GetValues<CovarianceChoice>();

        CovarianceKind[] mapped = choices.Select(c => c.ToNumerics()).ToArray();

        Assert.Equal(Enum.GetValues<CovarianceKind>().Length, choices.Length);
        for (int i = 0; i < choices.Length; i++)
        {
            Assert.Equal((int)mapped[i], (int)choices[i]);
            Assert.Equal(mapped[i].ToString(), choices[i].ToString());
        }
    }
}
